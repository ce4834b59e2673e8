package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * No page request dies without an answer: a template that fails while rendering gives the browser a 500, instead of
 * a response that starts and never ends (and a worker thread lost with it).
 */
@MicronautTest(transactional = false)
class PageErrorTest extends NotifyTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("test.broken-page", "true");
        return properties;
    }

    @Test
    void aTemplateThatFailsAnswers500() {
        int status = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> status(HttpRequest
                .GET("/helpdesk/test-broken").accept("text/html").basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));

        assertEquals(500, status);
    }
}
