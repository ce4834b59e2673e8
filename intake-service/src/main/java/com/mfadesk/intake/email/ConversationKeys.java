package com.mfadesk.intake.email;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two threading fallbacks for mail whose client dropped In-Reply-To and References: Outlook's Thread-Index
 * (its first 22 bytes name the conversation) and the case tag we put in the subject of our answers.
 */
final class ConversationKeys {

    private static final int THREAD_INDEX_HEADER_BYTES = 22;
    private static final Pattern CASE_TAG = Pattern.compile("\\[MFA-([0-9a-f]{8})]", Pattern.CASE_INSENSITIVE);

    private ConversationKeys() {
    }

    /** The conversation part of a Thread-Index, hex; empty when the header is absent or not a Thread-Index. */
    static Optional<String> ofThreadIndex(String threadIndex) {
        if (threadIndex == null || threadIndex.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(threadIndex.trim());
            if (bytes.length < THREAD_INDEX_HEADER_BYTES) {
                return Optional.empty();
            }
            return Optional.of(HexFormat.of().formatHex(bytes, 0, THREAD_INDEX_HEADER_BYTES));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The case-id prefix of a {@code [MFA-xxxxxxxx]} tag in a subject. */
    static Optional<String> caseTagIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = CASE_TAG.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
