package com.mfadesk.intake.email;

/**
 * Decodes {@code text/plain; format=flowed} (RFC 3676). A line ending in a space is soft-broken and joins the next
 * line of the same quote depth; with {@code delsp=yes} that space was added by the sender and goes; a leading space
 * was added to stuff the line and goes. Quote depth is written back as "> " so the reply stripper sees the quotes.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String decode(String text, boolean delSp) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = new StringBuilder();
        int paragraphDepth = -1;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            boolean signatureSeparator = content.equals("-- ");
            boolean soft = content.endsWith(" ") && !signatureSeparator;
            if (paragraphDepth >= 0 && paragraphDepth != depth) {
                appendLine(out, paragraph, paragraphDepth); // quote depth changed under a soft break: end it
                paragraphDepth = -1;
            }
            if (soft && delSp) {
                content = content.substring(0, content.length() - 1);
            }
            paragraph.append(content);
            paragraphDepth = depth;
            if (!soft) {
                appendLine(out, paragraph, depth);
                paragraphDepth = -1;
            }
        }
        if (paragraphDepth >= 0) {
            appendLine(out, paragraph, paragraphDepth);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, StringBuilder paragraph, int depth) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(paragraph).append('\n');
        paragraph.setLength(0);
    }
}
