package com.mfadesk.notify.cases;

import com.mfadesk.notify.graph.Directory;
import com.mfadesk.notify.graph.DirectoryUser;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.notify.graph.RegisteredMethod;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The action rules of SCENARIOS.md, in their order. Only rule 5 needs Graph; when Graph cannot be reached the
 * {@link com.mfadesk.common.graph.GraphException} propagates and the case waits (rule 8): it is never guessed.
 */
@Singleton
public class ActionRules {

    static final String FIX_FAILED = "FIX_FAILED";
    static final String RESOLVED = "RESOLVED";

    private final Directory directory;
    private final AlternateMethods alternateMethods;
    private final SupportCaseRepository cases;

    public ActionRules(Directory directory, AlternateMethods alternateMethods, SupportCaseRepository cases) {
        this.directory = directory;
        this.alternateMethods = alternateMethods;
        this.cases = cases;
    }

    public Decision decide(SupportCase supportCase) {
        String scenario = supportCase.scenario();
        String outcome = supportCase.threadCaseId() == null ? null : supportCase.followUpOutcome();
        boolean fixFailed = FIX_FAILED.equals(outcome);

        if (RESOLVED.equals(outcome)) {
            return Decision.ignored(Scenario.NOT_SUPPORT);
        }
        if (Scenario.NOT_SUPPORT.equals(scenario) && !fixFailed) {
            return Decision.ignored(scenario);
        }
        if (!supportCase.requesterVerified()) {
            return Scenario.isAboutSignIn(scenario) || fixFailed
                    ? Decision.escalated(scenario, EscalationReason.UNVERIFIED_SENDER)
                    : Decision.ignored(scenario);
        }
        String userId = supportCase.requesterUserId();
        if (userId == null && (Scenario.isAboutSignIn(scenario) || fixFailed)) {
            Optional<String> known = directoryUserOf(supportCase.requesterAddress());
            if (known.isEmpty()) {
                return new Decision(scenario, Action.ESCALATED, EscalationReason.UNVERIFIED_SENDER, List.of(),
                        "the address is not a user of the directory");
            }
            userId = known.get();
        }
        if (fixFailed && !Scenario.LOST_PHONE.equals(scenario)) {
            return Decision.escalated(threadScenario(supportCase), EscalationReason.FIX_FAILED);
        }
        return switch (scenario) {
            case Scenario.LOST_PHONE -> Decision.escalated(scenario, EscalationReason.LOST_DEVICE);
            case Scenario.OTHER -> Decision.escalated(scenario, EscalationReason.NO_DOCUMENTED_FIX);
            case Scenario.OUT_OF_SCOPE -> Decision.escalated(scenario, EscalationReason.OUT_OF_SCOPE);
            case Scenario.APP_PASSWORD -> supportCase.fixAlreadyTried()
                    ? Decision.escalated(scenario, EscalationReason.FIX_FAILED)
                    : Decision.replied(scenario);
            case Scenario.NO_PHONE_TODAY, Scenario.NEW_PHONE, Scenario.CODE_NOT_RECEIVED ->
                    decideOnMethods(supportCase, userId);
            default -> Decision.replied(scenario);
        };
    }

    /**
     * SCENARIOS.md rule 2: an address in our domains is an employee's only if a user of the directory has it (its
     * UPN, mail or one of its aliases). A directory we may not read verifies nobody; an outage makes the case wait.
     */
    private Optional<String> directoryUserOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        try {
            return directory.findByAddress(address).map(DirectoryUser::id);
        } catch (GraphException e) {
            if (e.isTransient()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** @param userId the requester, found in the directory before (rule 2) */
    private Decision decideOnMethods(SupportCase supportCase, String userId) {
        String scenario = supportCase.scenario();
        List<RegisteredMethod> methods = List.of();
        String seen;
        try {
            methods = directory.methodsOf(userId);
            seen = alternateMethods.summarize(methods);
        } catch (GraphException e) {
            if (e.isTransient()) {
                throw e;
            }
            // methods we may not read: a human looks, nothing is guessed
            seen = "methods could not be read (Graph " + e.status() + ")";
        }
        List<Alternate> alternates = alternateMethods.usableFor(scenario, methods, supportCase.methodsOutOfReach());
        if (alternates.isEmpty() || supportCase.saysNoAlternate()) {
            return new Decision(scenario, Action.ESCALATED, EscalationReason.NO_ALTERNATE_METHOD, List.of(), seen);
        }
        return new Decision(scenario, Action.REPLIED, null, alternates, seen);
    }

    /** A failed fix belongs to the problem the thread started with, not to the words of the follow-up. */
    private String threadScenario(SupportCase followUp) {
        return cases.findById(followUp.threadCaseId())
                .map(SupportCase::scenario)
                .filter(Scenario::isAboutSignIn)
                .orElse(followUp.scenario());
    }
}
