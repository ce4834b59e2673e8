package com.mfadesk.notify.cases;

/** Escalation reasons of SCENARIOS.md; strings because they are part of the public JSON. */
public final class EscalationReason {

    public static final String UNVERIFIED_SENDER = "UNVERIFIED_SENDER";
    public static final String LOST_DEVICE = "LOST_DEVICE";
    public static final String NO_DOCUMENTED_FIX = "NO_DOCUMENTED_FIX";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";
    public static final String NO_ALTERNATE_METHOD = "NO_ALTERNATE_METHOD";
    public static final String FIX_FAILED = "FIX_FAILED";

    private EscalationReason() {
    }
}
