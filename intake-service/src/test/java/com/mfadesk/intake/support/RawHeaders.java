package com.mfadesk.intake.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Reads a header straight from raw mail bytes, independent of the parser under test. */
public final class RawHeaders {

    private RawHeaders() {
    }

    /** The first header named {@code name}, unfolded and trimmed. */
    public static Optional<String> first(byte[] raw, String name) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String headers = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]+", " ");
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The external id CONTRACT.md gives a mail: its {@code Message-ID} without angle brackets, or for a mail without
     * one the stable id derived from the raw bytes ({@code sha256:} and the hex digest).
     */
    public static String externalId(byte[] raw) {
        return first(raw, "Message-ID")
                .map(id -> id.replaceAll("\\s+", ""))
                .map(id -> id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id)
                .orElseGet(() -> "sha256:" + sha256(raw));
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
