package com.mfadesk.notify.helpdesk.web;

import com.mfadesk.notify.helpdesk.Escalation;
import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The queue's filters. Status ACTIVE (the default) is everything not yet resolved; assignee "-" means unassigned.
 */
record QueueFilter(String status, String reason, String scenario, String assignee) {

    static final String ACTIVE = "ACTIVE";
    static final String ALL = "ALL";
    static final String UNASSIGNED = "-";
    static final List<String> STATUSES = List.of(ACTIVE, Escalation.OPEN, Escalation.CLAIMED, Escalation.RESOLVED,
            ALL);

    static QueueFilter of(@Nullable String status, @Nullable String reason, @Nullable String scenario,
                          @Nullable String assignee) {
        String chosen = status == null || !STATUSES.contains(status) ? ACTIVE : status;
        return new QueueFilter(chosen, clean(reason), clean(scenario), clean(assignee));
    }

    Predicate<Escalation> predicate() {
        return e -> switch (status) {
            case ACTIVE -> !Escalation.RESOLVED.equals(e.status());
            case ALL -> true;
            default -> status.equals(e.status());
        } && (reason.isEmpty() || reason.equals(e.reason()))
                && (scenario.isEmpty() || scenario.equals(e.scenario()))
                && (assignee.isEmpty() || (UNASSIGNED.equals(assignee) ? e.assignee() == null
                : assignee.equals(e.assignee())));
    }

    /** Filtered to the unassigned escalations (the template compares no strings: OGNL reads '-' as a number). */
    public boolean unassigned() {
        return UNASSIGNED.equals(assignee);
    }

    /** The query string that repeats these filters, for the live refresh. */
    String query() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", status);
        values.put("reason", reason);
        values.put("scenario", scenario);
        values.put("assignee", assignee);
        return values.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String clean(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
