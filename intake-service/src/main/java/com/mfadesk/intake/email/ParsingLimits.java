package com.mfadesk.intake.email;

/**
 * Bounds that keep parsing of hostile mail cheap. When a bound is hit the parser keeps what it has, adds a line to
 * {@link ParsedEmail#parseWarnings()} and carries on: it never fails because of a limit.
 *
 * @param maxMultipartDepth nesting of multiparts and attached messages followed (default 20); deeper parts are skipped
 * @param maxPartsVisited   MIME parts looked at in one message (default 500); later parts are skipped
 * @param maxTextBytes      bytes read from one text part, decoded (default 4 MiB); the rest of that part is not read
 * @param maxHtmlBytes      bytes read from one HTML part, decoded (default 256 KiB): the sender's new text is at the
 *                          top, and what makes HTML mail bigger (quoted history, forwarded reports) lies below it,
 *                          so rendering more would only cost time and memory
 * @param maxTextChars      characters kept of the full text (default 1,000,000); the text is cut there
 * @param maxHeaderChars    characters kept of one header value such as the subject (default 16,384)
 * @param maxListEntries    entries kept of an address or message-id list (default 100; for References the first
 *                          and the latest ones are kept, the ones threading needs)
 */
public record ParsingLimits(int maxMultipartDepth, int maxPartsVisited, int maxTextBytes, int maxHtmlBytes,
                            int maxTextChars, int maxHeaderChars, int maxListEntries) {

    public static final ParsingLimits DEFAULT = new ParsingLimits(20, 500, 4 * 1024 * 1024, 256 * 1024,
            1_000_000, 16_384, 100);
}
