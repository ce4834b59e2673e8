package com.mfadesk.notify.helpdesk;

/** Hand-overs that end in an escalation, with the message text of the test's choosing. */
public final class EscalationFixtures {

    public static final String ADELE = "adele.brennan@contoso.com";

    private EscalationFixtures() {
    }

    /** A no-phone-today mail: escalated NO_ALTERNATE_METHOD for a mobile-only user, UNVERIFIED_SENDER if unverified. */
    public static String noPhoneToday(String caseId, boolean verified, String text) {
        return "{\"caseId\":\"" + caseId + "\",\"channel\":\"EMAIL\",\"threadCaseId\":null,"
                + "\"requester\":{\"address\":\"" + ADELE + "\",\"displayName\":\"Adele Brennan\",\"verified\":"
                + verified + "},"
                + "\"subject\":\"Locked out\",\"text\":" + json(text) + ","
                + "\"internetMessageId\":\"<" + caseId + "@contoso.com>\","
                + "\"guidance\":{\"scenario\":\"no-phone-today\",\"confidence\":0.87,\"saysNoAlternate\":true,"
                + "\"fixAlreadyTried\":false,\"followUpOutcome\":null,\"language\":\"en\","
                + "\"steps\":[\"Choose Sign in another way.\"],\"sources\":[\"Troubleshoot two-factor problems\"]},"
                + "\"receivedAt\":\"2026-11-25T10:00:00Z\"}";
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
