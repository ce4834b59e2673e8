package com.mfadesk.notify.helpdesk.web;

import com.mfadesk.notify.security.Caller;
import com.mfadesk.notify.security.SessionStore;
import io.micronaut.http.HttpRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What every page shows: who is signed in, whether they are an admin, and the session's CSRF token for forms. */
final class PageModel {

    private PageModel() {
    }

    static Map<String, Object> of(HttpRequest<?> request, String page) {
        Caller caller = Caller.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("user", caller.name());
        model.put("admin", caller.isAdmin());
        model.put("csrf", SessionStore.csrfTokenOf(request).orElse(""));
        return model;
    }

    /** "3 d 4 h", "2 h 05 min", "7 min": how long someone has been waiting, at a glance. */
    static String age(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.isNegative()) {
            return "just now";
        }
        if (age.toDays() > 0) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h " + String.format("%02d", age.toMinutesPart()) + " min";
        }
        return age.toMinutes() + " min";
    }
}
