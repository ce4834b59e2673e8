package com.mfadesk.intake.teams;

import com.mfadesk.intake.cases.AttachmentInfo;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ChatMessageAttachment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a Teams post: mentions ({@code <at>}, addressing the support app or a colleague) dropped, emoji
 * replaced by their alt text, links kept as their text, block elements as line breaks.
 */
final class TeamsText {

    private TeamsText() {
    }

    /** Files attached to a post, and images pasted into it (hosted by Teams), as metadata. */
    static List<AttachmentInfo> attachmentsOf(ChatMessage message) {
        List<AttachmentInfo> found = new ArrayList<>();
        if (message.getAttachments() != null) {
            for (ChatMessageAttachment attachment : message.getAttachments()) {
                found.add(new AttachmentInfo(attachment.getName(), attachment.getContentType(), null,
                        attachment.getContentUrl()));
            }
        }
        if (message.getBody() != null && message.getBody().getContent() != null) {
            for (Element image : Jsoup.parseBodyFragment(message.getBody().getContent()).select("img[src]")) {
                String source = image.attr("src");
                if (source.contains("/hostedContents/")) {
                    found.add(new AttachmentInfo(image.attr("alt").isBlank() ? "image" : image.attr("alt"),
                            "image", null, source));
                }
            }
        }
        return found;
    }

    static String of(String content, String contentType) {
        if (content == null) {
            return "";
        }
        if (contentType != null && contentType.equalsIgnoreCase("text")) {
            return content.strip();
        }
        Document document = Jsoup.parseBodyFragment(content);
        document.select("at").remove();
        for (Element emoji : document.select("emoji")) {
            emoji.replaceWith(new TextNode(" " + emoji.attr("alt") + " "));
        }
        document.select("attachment").remove();
        document.select("br").after("\n");
        document.select("p, div, li, h1, h2, h3, blockquote").after("\n");
        String text = document.body().wholeText();
        return text.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }
}
