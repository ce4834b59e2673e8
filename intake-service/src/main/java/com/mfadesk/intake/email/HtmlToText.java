package com.mfadesk.intake.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders an HTML mail body as plain text the way a reader sees it, and finds where the quoted history starts.
 *
 * <p>Mail clients mark history in their HTML better than in text: Gmail wraps it in {@code div.gmail_quote}, Apple
 * Mail and Thunderbird in {@code blockquote type=cite}, Outlook starts it with {@code #divRplyFwdMsg},
 * {@code #appendonsend} or a {@code border-top} box holding "From:/Sent:". The first such element in document order
 * is the boundary; {@link HtmlText#authoredText()} is everything before it.
 *
 * <p>Outlook's {@code p.MsoNormal} has no margins, so each is one line; other paragraphs get an empty line around
 * them. The walk is iterative ({@link NodeTraversor}), so deeply nested HTML cannot overflow the stack.
 */
final class HtmlToText {

    /** Rendered text and the offset where quoted history starts (-1 when there is none). */
    record HtmlText(String text, int quoteStart) {
        String authoredText() {
            return quoteStart < 0 ? text : text.substring(0, quoteStart);
        }

        boolean hasQuote() {
            return quoteStart >= 0;
        }
    }

    /** Elements that always start quoted history. */
    private static final String HISTORY_SELECTOR = String.join(", ",
            "div.gmail_quote", "div.gmail_quote_container",
            "div#divRplyFwdMsg", "div#x_divRplyFwdMsg", "div#appendonsend", "div#x_appendonsend",
            "div.OutlookMessageHeader", "div#OLK_SRC_BODY_SECTION", "span#OLK_SRC_BODY_SECTION",
            "div#mail-editor-reference-message-container", "div.moz-cite-prefix", "div.yahoo_quoted",
            "div.protonmail_quote", "div[data-marker=__QUOTED_TEXT__]", "hr#stopSpelling");
    /** Elements that may start it: blockquotes, and boxes with a top border (Outlook's reply header). */
    private static final String CANDIDATE_SELECTOR = HISTORY_SELECTOR + ", blockquote, div[style*=border-top]";

    /** First words of an Outlook reply header box, in the languages of our users. */
    private static final Pattern HEADER_BOX_TEXT = Pattern.compile(
            "^[\\s\\u00A0]*(From|Von|De|Van|Da|Från|Fra|Od|Lähettäjä)[\\s\\u00A0]*:", Pattern.UNICODE_CASE);

    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "xml", "meta", "link",
            "noscript", "template", "svg", "object", "iframe");
    private static final Set<String> BLOCKS = Set.of("div", "p", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address",
            "center", "dl", "dt", "dd", "form", "fieldset", "tbody", "thead", "tfoot", "main", "nav", "aside");
    private static final int MAX_HEADER_BOX_CANDIDATES = 20;

    HtmlText render(String html) {
        Document document = Jsoup.parse(html);
        document.select(String.join(",", SKIPPED)).remove();
        Element body = document.body();
        Element boundary = findQuoteBoundary(body);
        Renderer renderer = new Renderer(boundary);
        NodeTraversor.traverse(renderer, body);
        return new HtmlText(renderer.out.toString(), renderer.quoteStart);
    }

    private Element findQuoteBoundary(Element body) {
        Elements candidates = body.select(CANDIDATE_SELECTOR);
        int headerBoxesChecked = 0;
        for (Element candidate : candidates) {
            if (candidate.is(HISTORY_SELECTOR)) {
                return candidate;
            }
            if (candidate.normalName().equals("blockquote")) {
                // Gmail's "indent" button is a borderless blockquote: the sender's own text, not a quote.
                String style = candidate.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
                if (style.contains("border:none") && !candidate.hasAttr("type")) {
                    continue;
                }
                return candidate;
            }
            // A border-top box is Outlook's reply header only when it starts with "From:" (or its translation).
            if (++headerBoxesChecked <= MAX_HEADER_BOX_CANDIDATES
                    && HEADER_BOX_TEXT.matcher(firstText(candidate, 200)).find()) {
                return candidate;
            }
        }
        return null;
    }

    /** The first {@code limit} characters of an element's text, without building the whole text of a big subtree. */
    private static String firstText(Element element, int limit) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                }
                return text.length() >= limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, element);
        return text.length() > limit ? text.substring(0, limit) : text.toString();
    }

    /** Appends text and line breaks as the traversal enters and leaves nodes. */
    private static final class Renderer implements NodeVisitor {
        private final Element boundary;
        private final StringBuilder out = new StringBuilder();
        private int quoteStart = -1;
        private int preDepth;
        private Element hidden;

        Renderer(Element boundary) {
            this.boundary = boundary;
        }

        @Override
        public void head(Node node, int depth) {
            if (hidden != null) {
                return;
            }
            if (node == boundary) {
                newLine();
                quoteStart = out.length();
            }
            if (node instanceof TextNode textNode) {
                appendText(textNode);
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            if (isHidden(element)) {
                hidden = element; // preheaders and tracking blocks: nothing a reader sees
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "br" -> out.append('\n');
                case "pre" -> {
                    newLine();
                    preDepth++;
                }
                case "p" -> {
                    if (isOutlookParagraph(element)) {
                        newLine();
                    } else {
                        blankLine();
                    }
                }
                case "li" -> {
                    newLine();
                    out.append("- ");
                }
                case "td", "th" -> {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append(' ');
                    }
                }
                default -> {
                    if (BLOCKS.contains(tag)) {
                        newLine();
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (hidden != null) {
                if (node == hidden) {
                    hidden = null;
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (tag.equals("p") && !isOutlookParagraph(element)) {
                blankLine();
            } else if (BLOCKS.contains(tag)) {
                newLine();
            }
        }

        private void appendText(TextNode textNode) {
            if (preDepth > 0) {
                out.append(textNode.getWholeText());
                return;
            }
            String text = textNode.getWholeText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                    // HTML collapses white space, and none is shown at the start of a line
                    if (out.length() > 0) {
                        char last = out.charAt(out.length() - 1);
                        if (last != ' ' && last != '\n') {
                            out.append(' ');
                        }
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void newLine() {
            trimTrailingSpace();
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void blankLine() {
            newLine();
            if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }

        private void trimTrailingSpace() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        private static boolean isOutlookParagraph(Element element) {
            return element.className().startsWith("Mso") || element.className().contains(" Mso");
        }

        private static boolean isHidden(Element element) {
            String style = element.attr("style");
            if (style.isEmpty()) {
                return false;
            }
            String compact = style.replace(" ", "").toLowerCase(Locale.ROOT);
            return compact.contains("display:none") || compact.contains("mso-hide:all");
        }
    }
}
