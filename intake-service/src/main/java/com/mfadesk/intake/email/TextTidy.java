package com.mfadesk.intake.email;

/**
 * Whitespace clean-up shared by every text the parser returns: one line-break style, no control characters,
 * non-breaking and zero-width spaces made ordinary, no trailing blanks, at most one empty line in a row.
 */
final class TextTidy {

    private TextTidy() {
    }

    static String tidy(CharSequence text) {
        // Lines are written straight into the result, runs of ordinary characters copied at once, and trailing blanks
        // cut off there: one copy of the text, not a line buffer and a character-by-character copy.
        String source = text.toString();
        StringBuilder out = new StringBuilder(source.length());
        int blankLines = 0;
        int length = source.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = lineStart;
            while (lineEnd < length && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int mark = out.length();
            if (mark > 0) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            int contentStart = out.length();
            appendLine(out, source, lineStart, lineEnd);
            if (out.length() == contentStart) {
                out.setLength(mark);
                blankLines++;
            } else {
                blankLines = 0;
            }
            // CRLF, LF and a lone CR each end a line
            lineStart = lineEnd < length && source.charAt(lineEnd) == '\r' && lineEnd + 1 < length
                    && source.charAt(lineEnd + 1) == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String source, int start, int end) {
        int run = start;
        for (int i = start; i < end; i++) {
            char c = source.charAt(i);
            if (c >= ' ' && c < '\u007F') {
                continue; // printable ASCII, copied with its run
            }
            boolean space = c == '\u00A0' || c == '\t' || c == '\u2007' || c == '\u202F';
            // zero-width characters and soft hyphens carry nothing a reader sees, nor do control characters
            boolean dropped = c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD'
                    || Character.isISOControl(c);
            if (space || dropped) {
                out.append(source, run, i);
                if (space) {
                    out.append(' ');
                }
                run = i + 1;
            }
        }
        out.append(source, run, end);
        int trimmed = out.length();
        while (trimmed > 0 && out.charAt(trimmed - 1) == ' ') {
            trimmed--;
        }
        if (trimmed < out.length()) {
            out.setLength(trimmed);
        }
    }
}
