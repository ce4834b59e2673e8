package com.mfadesk.intake.email;

/**
 * Whitespace clean-up shared by every text the parser returns: one line-break style, no control characters,
 * non-breaking and zero-width spaces made ordinary, no trailing blanks, at most one empty line in a row.
 */
final class TextTidy {

    private TextTidy() {
    }

    static String tidy(CharSequence text) {
        // Lines are written straight into the result and their trailing blanks cut off there, rather than gathered
        // in a line buffer first: one copy of the text instead of two.
        StringBuilder out = new StringBuilder(text.length());
        int blankLines = 0;
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = lineStart;
            while (lineEnd < length && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int mark = out.length();
            if (mark > 0) {
                out.append(blankLines > 0 ? "\n\n" : "\n");
            }
            int contentStart = out.length();
            appendLine(out, text, lineStart, lineEnd);
            if (out.length() == contentStart) {
                out.setLength(mark);
                blankLines++;
            } else {
                blankLines = 0;
            }
            // CRLF, LF and a lone CR each end a line
            lineStart = lineEnd < length && text.charAt(lineEnd) == '\r' && lineEnd + 1 < length
                    && text.charAt(lineEnd + 1) == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\u00A0' || c == '\t' || c == '\u2007' || c == '\u202F') {
                out.append(' ');
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
                // zero-width characters and soft hyphens carry nothing a reader sees
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        int trimmed = out.length();
        while (trimmed > 0 && out.charAt(trimmed - 1) == ' ') {
            trimmed--;
        }
        out.setLength(trimmed);
    }
}
