package com.mfadesk.notify.cases;

import com.mfadesk.vocabulary.Scenario;
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
        Scenario known = Scenario.orOther(scenario);
        String outcome = supportCase.threadCaseId() == null ? null : supportCase.followUpOutcome();
        boolean fixFailed = FIX_FAILED.equals(outcome);

        if (RESOLVED.equals(outcome)) {
            return Decision.ignored(Scenario.NOT_SUPPORT.id());
        }
        if (known == Scenario.NOT_SUPPORT && !fixFailed) {
            return Decision.ignored(scenario);
        }
        if (!supportCase.requesterVerified()) {
            return known.aboutSignIn() || fixFailed
                    ? Decision.escalated(scenario, EscalationReason.UNVERIFIED_SENDER)
                    : Decision.ignored(scenario);
        }
        String userId = supportCase.requesterUserId();
        if (userId == null && (known.aboutSignIn() || fixFailed)) {
            Optional<String> directoryUser = directoryUserOf(supportCase.requesterAddress());
            if (directoryUser.isEmpty()) {
                return new Decision(scenario, Action.ESCALATED, EscalationReason.UNVERIFIED_SENDER, List.of(),
                        "the address is not a user of the directory");
            }
            userId = directoryUser.get();
        }
        if (fixFailed && known != Scenario.LOST_PHONE) {
            return Decision.escalated(threadScenario(supportCase), EscalationReason.FIX_FAILED);
        }
        return switch (known) {
            case LOST_PHONE -> Decision.escalated(scenario, EscalationReason.LOST_DEVICE);
            case OTHER -> Decision.escalated(scenario, EscalationReason.NO_DOCUMENTED_FIX);
            case OUT_OF_SCOPE -> Decision.escalated(scenario, EscalationReason.OUT_OF_SCOPE);
            case APP_PASSWORD -> supportCase.fixAlreadyTried()
                    ? Decision.escalated(scenario, EscalationReason.FIX_FAILED)
                    : Decision.replied(scenario);
            case NO_PHONE_TODAY, NEW_PHONE, CODE_NOT_RECEIVED -> decideOnMethods(supportCase, userId);
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
                .filter(id -> Scenario.orOther(id).aboutSignIn())
                .orElse(followUp.scenario());
    }
}
