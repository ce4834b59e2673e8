package com.mfadesk.notify.helpdesk;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agent's closing message as the user receives it (HTML for mail and Teams): their text escaped, paragraphs
 * kept, the reference appended. Phone numbers are masked to their last two digits, as in everything sent.
 */
final class ResolutionMessage {

    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().\\-/]{4,}\\d");

    private ResolutionMessage() {
    }

    static String html(Escalation escalation, String message) {
        String body = Arrays.stream(maskPhoneNumbers(message).split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .map(paragraph -> "<p>" + escape(paragraph).replaceAll("\\R", "<br>") + "</p>")
                .collect(Collectors.joining());
        return body + "<p>" + escape("Reference: " + escalation.ref() + " (MFA Desk help desk)") + "</p>";
    }

    static String maskPhoneNumbers(String text) {
        Matcher matcher = PHONE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("\\D", "");
            String replacement = digits.length() < 6 ? matcher.group()
                    : "(number ending in " + digits.substring(digits.length() - 2) + ")";
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
