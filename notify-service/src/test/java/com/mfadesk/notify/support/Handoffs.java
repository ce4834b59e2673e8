package com.mfadesk.notify.support;

/** Case hand-overs as intake-service sends them to POST /internal/v1/cases. */
public final class Handoffs {

    private Handoffs() {
    }

    public static String email(String caseId, String scenario, String address, String name, boolean verified,
                               String internetMessageId) {
        return email(caseId, null, scenario, address, name, verified, internetMessageId, false, null);
    }

    public static String email(String caseId, String threadCaseId, String scenario, String address, String name,
                               boolean verified, String internetMessageId, boolean saysNoAlternate,
                               String followUpOutcome) {
        return email(caseId, threadCaseId, scenario, address, name, verified, internetMessageId, saysNoAlternate,
                followUpOutcome, "");
    }

    /**
     * @param moreGuidance further fields of guidance's answer, as JSON members with a leading comma
     *                     ({@code ,"unavailableMethods":["officePhone"]})
     */
    public static String email(String caseId, String threadCaseId, String scenario, String address, String name,
                               boolean verified, String internetMessageId, boolean saysNoAlternate,
                               String followUpOutcome, String moreGuidance) {
        return "{\"caseId\":\"" + caseId + "\",\"channel\":\"EMAIL\","
                + "\"threadCaseId\":" + quoted(threadCaseId) + ","
                + "\"requester\":{\"address\":\"" + address + "\",\"displayName\":\"" + name + "\",\"verified\":"
                + verified + "},"
                + "\"subject\":\"Sign-in help\",\"text\":\"I left my phone at home\","
                + "\"internetMessageId\":\"" + internetMessageId + "\","
                + "\"guidance\":{\"scenario\":\"" + scenario + "\",\"confidence\":0.9,\"saysNoAlternate\":"
                + saysNoAlternate + ",\"fixAlreadyTried\":false,\"followUpOutcome\":" + quoted(followUpOutcome)
                + ",\"language\":\"en\",\"steps\":[\"Choose Sign in another way.\",\"Pick another method.\"],"
                + "\"sources\":[\"Troubleshoot common two-factor verification problems\"]" + moreGuidance + "}}";
    }

    /** A post in a 1:1 chat with the support app, from a user of the tenant. */
    public static String teamsChat(String caseId, String scenario, String userId, String name, String chatId) {
        return "{\"caseId\":\"" + caseId + "\",\"channel\":\"TEAMS\",\"threadCaseId\":null,"
                + "\"requester\":{\"address\":null,\"displayName\":\"" + name + "\",\"verified\":true,"
                + "\"userId\":\"" + userId + "\"},\"subject\":null,\"text\":\"I left my phone at home\","
                + "\"teams\":{\"chatId\":\"" + chatId + "\"},"
                + "\"guidance\":{\"scenario\":\"" + scenario + "\",\"confidence\":0.9,\"saysNoAlternate\":false,"
                + "\"fixAlreadyTried\":false,\"followUpOutcome\":null,\"language\":\"en\","
                + "\"steps\":[\"Choose Sign in another way.\"],\"sources\":[\"Troubleshoot\"]}}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
