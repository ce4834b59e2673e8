package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.cases.EscalationReason;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Adaptive Card of an escalation in the help desk channel: reference, requester with a warning when not
 * verified, scenario, reason, masked methods, and a button to the escalation page. Buttons that post back need a
 * bot; opening the help desk UI works everywhere.
 */
@Singleton
public class AnnouncementCard {

    private final ObjectMapper objectMapper;
    private final HelpdeskConfiguration helpdesk;

    public AnnouncementCard(ObjectMapper objectMapper, HelpdeskConfiguration helpdesk) {
        this.objectMapper = objectMapper;
        this.helpdesk = helpdesk;
    }

    public String announcement(Escalation escalation) {
        List<Map<String, Object>> body = new ArrayList<>();
        body.add(Map.of("type", "TextBlock", "size", "Large", "weight", "Bolder", "text",
                escalation.ref() + " · " + escalation.scenario()));
        if (!escalation.requesterVerified()) {
            body.add(Map.of("type", "TextBlock", "color", "Attention", "weight", "Bolder", "wrap", true, "text",
                    "Requester NOT VERIFIED: verify their identity out of band before any reset."));
        }
        body.add(Map.of("type", "FactSet", "facts", List.of(
                fact("Reason", EscalationReason.label(escalation.reason())),
                fact("Requester", nullToDash(escalation.requesterName()) + " <"
                        + nullToDash(escalation.requesterAddress()) + ">"),
                fact("Channel", escalation.channel()),
                fact("Methods seen", nullToDash(escalation.methodsSeen())),
                fact("Case", escalation.caseId()))));
        Map<String, Object> card = Map.of(
                "type", "AdaptiveCard",
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "version", "1.4",
                "body", body,
                "actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open " + escalation.ref(),
                        "url", helpdesk.publicUrl() + "/helpdesk/escalations/" + escalation.ref())));
        try {
            return objectMapper.writeValueAsString(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Teams renders Markdown in a fact's value: a display name like {@code [Identity verified](https://…)} would be
     * a link in the help desk's own card. Every value is shown as the text it is.
     */
    private static Map<String, Object> fact(String title, String value) {
        return Map.of("title", title, "value", MARKDOWN.matcher(value).replaceAll("\\\\$0"));
    }

    /** Link, emphasis, code and autolink marks; a backslash makes each the character it is. */
    private static final Pattern MARKDOWN = Pattern.compile("[\\\\`*_\\[\\]~<>]");

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
