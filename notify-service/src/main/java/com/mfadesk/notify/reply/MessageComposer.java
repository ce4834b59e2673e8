package com.mfadesk.notify.reply;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.notify.cases.EscalationReason;
import com.mfadesk.notify.cases.Action;
import com.mfadesk.notify.cases.Decision;
import com.mfadesk.notify.cases.SupportCase;
import com.mfadesk.notify.helpdesk.Escalation;
import com.mfadesk.notify.helpdesk.HelpdeskConfiguration;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes what people receive: the answer or acknowledgement to the user (HTML, works in mail and Teams), in their
 * language where we have it, and the announcement to the help desk. Everything taken from a message or a directory
 * is HTML-escaped; phone numbers only ever appear as their last two digits.
 */
@Singleton
public class MessageComposer {

    private final ObjectMapper objectMapper;
    private final HelpdeskConfiguration helpdesk;
    private final ReplyTexts texts;

    public MessageComposer(ObjectMapper objectMapper, HelpdeskConfiguration helpdesk, ReplyTexts texts) {
        this.objectMapper = objectMapper;
        this.helpdesk = helpdesk;
        this.texts = texts;
    }

    public String userMessage(SupportCase supportCase, Decision decision) {
        String language = supportCase.language();
        StringBuilder html = new StringBuilder();
        paragraph(html, greeting(supportCase, language));
        if (decision.action() == Action.ESCALATED) {
            paragraph(html, acknowledgement(decision, language) + " "
                    + texts.text(language, "reference", supportCase.escalationRef()));
            if (Scenario.LOST_PHONE.is(decision.scenario())) {
                appendSteps(html, supportCase, decision);
            }
            paragraph(html, texts.text(language, "verify-identity"));
        } else {
            appendSteps(html, supportCase, decision);
            if (supportCase.lostPossible()) {
                // guidance could not tell "left it somewhere" from "lost it": one word from the user settles it
                paragraph(html, texts.text(language, "lost-check"));
            }
            paragraph(html, texts.text(language, "unsolved"));
        }
        paragraph(html, texts.text(language, "signature", shortCase(supportCase.id())));
        return html.toString();
    }

    public String announcement(Escalation escalation) {
        String verified = escalation.requesterVerified()
                ? "verified employee"
                : "NOT VERIFIED: verify the requester's identity out of band before any reset";
        return "<p><b>" + escape(escalation.ref()) + "</b> &middot; " + escape(escalation.scenario())
                + " &middot; " + escape(EscalationReason.label(escalation.reason())) + "</p>"
                + "<p>Requester: " + escape(nullToEmpty(escalation.requesterName())) + " &lt;"
                + escape(nullToEmpty(escalation.requesterAddress())) + "&gt; (" + escape(verified) + ")</p>"
                + "<p>Channel: " + escape(escalation.channel()) + ", case " + escape(escalation.caseId()) + "</p>"
                + "<p>Registered methods seen: " + escape(nullToEmpty(escalation.methodsSeen())) + "</p>"
                + "<p><a href=\"" + escape(helpdesk.publicUrl()) + "/helpdesk/escalations/" + escape(escalation.ref())
                + "\">Open " + escape(escalation.ref()) + " in the help desk</a></p>";
    }

    public String announcementSubject(Escalation escalation) {
        return "[" + escalation.ref() + "] " + escalation.reason() + ": " + escalation.scenario();
    }

    private void appendSteps(StringBuilder html, SupportCase supportCase, Decision decision) {
        String language = supportCase.language();
        String openingKey = "opening." + decision.scenario();
        if (texts.has(openingKey)) {
            paragraph(html, texts.text(language, openingKey));
        }
        List<String> steps = strings(supportCase.stepsJson());
        if (!steps.isEmpty()) {
            html.append("<ol>");
            steps.forEach(step -> html.append("<li>").append(escape(step)).append("</li>"));
            html.append("</ol>");
        }
        if (!decision.alternates().isEmpty()) {
            String named = decision.alternates().stream()
                    .map(alternate -> alternate.lastDigits() == null
                            ? texts.text(language, "alt." + alternate.kind())
                            : texts.text(language, "alt." + alternate.kind(), alternate.lastDigits()))
                    .collect(Collectors.joining(", "));
            paragraph(html, texts.text(language, "alternates", named));
        }
        List<String> sources = strings(supportCase.sourcesJson());
        if (!sources.isEmpty()) {
            String links = sources.stream().map(MessageComposer::sourceLink).collect(Collectors.joining("; "));
            String sentence = escape(texts.text(language, "source", "\u0000"));
            html.append("<p>").append(sentence.replace("\u0000", links)).append("</p>");
        }
    }

    /** "Title (2019) https://…" becomes a link to the page; anything else stays text. */
    private static String sourceLink(String source) {
        int at = source.lastIndexOf(" https://");
        if (at < 0 || source.substring(at + 1).contains(" ")) {
            return escape(source);
        }
        return "<a href=\"" + escape(source.substring(at + 1)) + "\">" + escape(source.substring(0, at)) + "</a>";
    }

    private String acknowledgement(Decision decision, String language) {
        String key = "ack." + decision.reason();
        return texts.has(key) ? texts.text(language, key) : texts.text(language, "ack.default");
    }

    private String greeting(SupportCase supportCase, String language) {
        String name = supportCase.requesterName();
        if (name == null || name.isBlank()) {
            return texts.text(language, "greeting.anonymous");
        }
        return texts.text(language, "greeting", name.trim().split("\\s+")[0]);
    }

    private static void paragraph(StringBuilder html, String text) {
        html.append("<p>").append(escape(text)).append("</p>");
    }

    private List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return objectMapper.readValue(json, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the signature of every message to a user names its case. */
    static String shortCase(String caseId) {
        return caseId.length() > 8 ? caseId.substring(0, 8) : caseId;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
