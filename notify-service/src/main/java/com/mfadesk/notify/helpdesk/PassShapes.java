package com.mfadesk.notify.helpdesk;

import java.util.regex.Pattern;

/**
 * Whether a text written by an agent holds something shaped like a Temporary Access Pass: a word of 8 to 48
 * characters mixing upper case, lower case and digits, that is not an address, a link, or a name with a number
 * ("Windows11", "Office365"). A pass is given by phone; written in a message or a note it would sit in a mailbox or
 * the audit trail for as long as it works.
 */
final class PassShapes {

    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\"'(\\[<{]+|[\"')\\]>},.;:!?]+$");
    private static final Pattern NAME_WITH_NUMBER = Pattern.compile("[A-Za-z][a-z]+\\d+|\\d+[A-Za-z][a-z]+");

    private PassShapes() {
    }

    static boolean containsPass(String text) {
        if (text == null) {
            return false;
        }
        for (String word : WORDS.split(text)) {
            String token = EDGE_PUNCTUATION.matcher(word).replaceAll("");
            if (looksLikePass(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikePass(String token) {
        if (token.length() < 8 || token.length() > 48 || token.contains("@") || token.contains("/")
                || token.contains(":") || NAME_WITH_NUMBER.matcher(token).matches()) {
            return false;
        }
        return token.chars().anyMatch(Character::isUpperCase) && token.chars().anyMatch(Character::isLowerCase)
                && token.chars().anyMatch(Character::isDigit);
    }
}
