package com.mfadesk.notify.cases;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The outcome of the action rules for one case.
 *
 * @param alternates  the alternate methods to name in a reply
 * @param methodsSeen masked summary of every registered method looked at, for the help desk
 */
public record Decision(String scenario, Action action, @Nullable String reason, List<Alternate> alternates,
                       @Nullable String methodsSeen) {

    public static Decision ignored(String scenario) {
        return new Decision(scenario, Action.IGNORED, null, List.of(), null);
    }

    public static Decision escalated(String scenario, String reason) {
        return new Decision(scenario, Action.ESCALATED, reason, List.of(), null);
    }

    public static Decision replied(String scenario) {
        return new Decision(scenario, Action.REPLIED, null, List.of(), null);
    }

    public boolean acknowledgesRequester() {
        return action == Action.REPLIED
                || (action == Action.ESCALATED && !EscalationReason.UNVERIFIED_SENDER.equals(reason));
    }
}
