package com.mfadesk.notify.reply;

import com.mfadesk.notify.cases.Action;
import com.mfadesk.notify.cases.Decision;
import com.mfadesk.notify.cases.EscalationReason;
import com.mfadesk.notify.cases.Scenario;
import com.mfadesk.notify.cases.SupportCase;
import com.mfadesk.notify.helpdesk.Escalation;
import com.mfadesk.notify.helpdesk.HelpdeskConfiguration;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes what people receive: the answer or acknowledgement to the user (HTML, works in mail and Teams) and the
 * announcement to the help desk. Everything taken from a message or a directory is HTML-escaped; phone numbers
 * only ever appear masked, as {@link com.mfadesk.notify.cases.AlternateMethods} describes them.
 */
@Singleton
public class MessageComposer {

    private static final Map<String, String> OPENINGS = Map.of(
            Scenario.NO_PHONE_TODAY, "You can still sign in without your phone today.",
            Scenario.NEW_PHONE, "Here is how to move your sign-in to your new phone or number.",
            Scenario.CODE_NOT_RECEIVED, "Here is what usually gets the verification code or notification through.",
            "not-prompted", "It looks like two-step verification is not set up on your account yet.",
            Scenario.APP_PASSWORD, "Here is how to get your app password working again.",
            "why-2sv", "Here is why two-step verification is required.",
            "personal-account", "Your question is about a personal Microsoft account, which we don't manage.",
            Scenario.LOST_PHONE, "Sorry to hear about your phone. Here is what to do now.");

    private final ObjectMapper objectMapper;
    private final HelpdeskConfiguration helpdesk;

    public MessageComposer(ObjectMapper objectMapper, HelpdeskConfiguration helpdesk) {
        this.objectMapper = objectMapper;
        this.helpdesk = helpdesk;
    }

    public String userMessage(SupportCase supportCase, Decision decision) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(escape(greeting(supportCase))).append("</p>");
        if (decision.action() == Action.ESCALATED) {
            html.append("<p>").append(escape(acknowledgement(decision))).append(" Your reference is <b>")
                    .append(escape(supportCase.escalationRef())).append("</b>.</p>");
            if (Scenario.LOST_PHONE.equals(decision.scenario())) {
                appendSteps(html, supportCase, decision);
            }
            html.append("<p>The help desk will confirm who you are before changing anything on your account.</p>");
        } else {
            appendSteps(html, supportCase, decision);
            html.append("<p>If this doesn't solve it, reply here and we'll pass it to the help desk.</p>");
        }
        html.append("<p>MFA Desk, IT Support &middot; case ").append(escape(shortCase(supportCase.id())))
                .append("</p>");
        return html.toString();
    }

    public String announcement(Escalation escalation) {
        String verified = escalation.requesterVerified()
                ? "verified employee"
                : "NOT VERIFIED: verify the requester's identity out of band before any reset";
        return "<p><b>" + escape(escalation.ref()) + "</b> &middot; " + escape(escalation.scenario())
                + " &middot; " + escape(escalation.reason()) + "</p>"
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
        String opening = OPENINGS.get(decision.scenario());
        if (opening != null) {
            html.append("<p>").append(escape(opening)).append("</p>");
        }
        List<String> steps = strings(supportCase.stepsJson());
        if (!steps.isEmpty()) {
            html.append("<ol>");
            steps.forEach(step -> html.append("<li>").append(escape(step)).append("</li>"));
            html.append("</ol>");
        }
        if (!decision.alternates().isEmpty()) {
            html.append("<p>Other sign-in methods you have registered: ")
                    .append(escape(String.join(", ", decision.alternates()))).append(".</p>");
        }
        List<String> sources = strings(supportCase.sourcesJson());
        if (!sources.isEmpty()) {
            html.append("<p>Source: ").append(escape(String.join("; ", sources))).append("</p>");
        }
    }

    private static String acknowledgement(Decision decision) {
        return switch (decision.reason() == null ? "" : decision.reason()) {
            case EscalationReason.LOST_DEVICE -> "We've told the help desk about your lost or stolen phone, so they "
                    + "can clear your remembered devices and app passwords.";
            case EscalationReason.NO_ALTERNATE_METHOD -> "You don't seem to have another sign-in method you can "
                    + "use, so we've passed your request to the help desk.";
            case EscalationReason.FIX_FAILED -> "Sorry that didn't work. We've passed your request to the help desk.";
            case EscalationReason.OUT_OF_SCOPE -> "This isn't something we can answer automatically, so we've "
                    + "passed it to the help desk.";
            default -> "We've passed your request to the help desk.";
        };
    }

    private static String greeting(SupportCase supportCase) {
        String name = supportCase.requesterName();
        if (name == null || name.isBlank()) {
            return "Hello,";
        }
        return "Hello " + name.trim().split("\\s+")[0] + ",";
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

    private static String shortCase(String caseId) {
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
