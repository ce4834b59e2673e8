package com.mfadesk.notify.security;

import com.mfadesk.notify.helpdesk.WebSession;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state-changing route of the UI refuses a signed-in browser that does not send the session's CSRF token,
 * so a new form cannot forget the check: the routes are read from the router, not listed by hand.
 */
@MicronautTest(transactional = false)
class HelpdeskCsrfCoverageTest extends NotifyTestBase {

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    @Test
    void everyUiPostRouteRefusesAMissingOrWrongToken() {
        List<String> paths = router.uriRoutes()
                .filter(uri -> uri.getHttpMethod() != HttpMethod.GET && uri.getHttpMethod() != HttpMethod.HEAD
                        && uri.getUriMatchTemplate().toString().startsWith("/helpdesk"))
                .map(uri -> uri.getUriMatchTemplate().expand(Map.<String, Object>of("ref", "HD-1001", "id", "1")))
                .distinct().toList();
        assertTrue(paths.size() >= 9, "found " + paths);

        WebSession browser = new WebSession("http://localhost:" + server.getPort());
        assertEquals(303, browser.login(HELPDESK_USER, HELPDESK_PASSWORD).statusCode());
        browser.get("/helpdesk");
        for (String path : paths) {
            Map<String, String> fields = Map.of("text", "x", "username", "u", "password", "p", "role", "AGENT");
            assertEquals(403, browser.postRaw(path, fields).statusCode(), "no token: " + path);
            assertEquals(403, browser.postRaw(path, Map.of("_csrf", "wrong", "text", "x")).statusCode(),
                    "wrong token: " + path);
        }
        assertEquals(200, browser.get("/helpdesk").statusCode(), "the refusals left the session alone");
    }
}
