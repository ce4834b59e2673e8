package com.mfadesk.notify.outbox;

/**
 * The kinds of work in the outbox. Lower priority numbers go first when a backlog builds up: the help desk and
 * people waiting on an escalation before routine answers.
 */
public enum OutboxKind {
    DECIDE(1),
    USER_MESSAGE(2),
    HELPDESK_TEAMS(0),
    HELPDESK_MAIL(0),
    /** The help desk's closing message to the user, written by an agent when resolving an escalation. */
    RESOLUTION_MESSAGE(2),
    /** An alert about the service itself (a probable MFA incident, an expiring secret), to the help desk. */
    ALERT_TEAMS(0),
    ALERT_MAIL(0);

    private final int priority;

    OutboxKind(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }
}
