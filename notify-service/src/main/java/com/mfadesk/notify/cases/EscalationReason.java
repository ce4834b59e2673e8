package com.mfadesk.notify.cases;

/** Escalation reasons of SCENARIOS.md; strings because they are part of the public JSON. */
public final class EscalationReason {

    public static final String UNVERIFIED_SENDER = "UNVERIFIED_SENDER";
    public static final String LOST_DEVICE = "LOST_DEVICE";
    public static final String NO_DOCUMENTED_FIX = "NO_DOCUMENTED_FIX";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";
    public static final String NO_ALTERNATE_METHOD = "NO_ALTERNATE_METHOD";
    public static final String FIX_FAILED = "FIX_FAILED";

    private static final java.util.Map<String, String> LABELS = java.util.Map.of(
            UNVERIFIED_SENDER, "Sender not verified",
            LOST_DEVICE, "Lost or stolen device",
            NO_DOCUMENTED_FIX, "No documented fix",
            OUT_OF_SCOPE, "Not about sign-in",
            NO_ALTERNATE_METHOD, "No usable other method",
            FIX_FAILED, "The fix did not work");

    private EscalationReason() {
    }

    /** The reason as people read it (the help desk's pages and card); the constant stays in the JSON. */
    public static String label(String reason) {
        return reason == null ? "-" : LABELS.getOrDefault(reason, reason);
    }
}
