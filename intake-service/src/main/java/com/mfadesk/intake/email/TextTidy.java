package com.mfadesk.intake.email;

/**
 * Whitespace clean-up shared by every text the parser returns: one line-break style, no control characters,
 * non-breaking and zero-width spaces made ordinary, no trailing blanks, at most one empty line in a row.
 */
final class TextTidy {

    private TextTidy() {
    }

    static String tidy(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder line = new StringBuilder();
        int blankLines = 0;
        boolean anyLine = false;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : '\n';
            if (c == '\r') {
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    continue; // CRLF: the LF ends the line
                }
                c = '\n';
            }
            if (c == '\n') {
                trimEnd(line);
                if (line.length() == 0) {
                    blankLines++;
                } else {
                    if (anyLine) {
                        out.append(blankLines > 0 ? "\n\n" : "\n");
                    }
                    out.append(line);
                    anyLine = true;
                    blankLines = 0;
                }
                line.setLength(0);
                continue;
            }
            if (c == '\u00A0' || c == '\t' || c == '\u2007' || c == '\u202F') {
                line.append(' ');
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
                // zero-width characters and soft hyphens carry nothing a reader sees
            } else if (!Character.isISOControl(c)) {
                line.append(c);
            }
        }
        return out.toString();
    }

    private static void trimEnd(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
    }
}
