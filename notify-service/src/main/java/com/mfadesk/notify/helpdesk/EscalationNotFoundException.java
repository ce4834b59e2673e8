package com.mfadesk.notify.helpdesk;

public class EscalationNotFoundException extends RuntimeException {

    public EscalationNotFoundException(String ref) {
        super("no escalation " + ref);
    }
}
