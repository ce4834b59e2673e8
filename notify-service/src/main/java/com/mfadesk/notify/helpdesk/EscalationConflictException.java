package com.mfadesk.notify.helpdesk;

/** The action is not allowed in the escalation's current state (answered 409). */
public class EscalationConflictException extends RuntimeException {

    public EscalationConflictException(String message) {
        super(message);
    }
}
