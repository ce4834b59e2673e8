package com.mfadesk.intake.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * External ids as stored: a Message-ID without its angle brackets; ids too long for the unique key, and messages
 * without any id, are represented by a SHA-256 digest, the same on every delivery.
 */
public final class ExternalIds {

    private static final int MAX_LENGTH = 255;

    private ExternalIds() {
    }

    public static String normalize(String messageId) {
        String trimmed = messageId.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed.length() <= MAX_LENGTH ? trimmed : "sha256:" + sha256(trimmed.getBytes(StandardCharsets.UTF_8));
    }

    public static String ofRawBytes(byte[] raw) {
        return "sha256:" + sha256(raw);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
