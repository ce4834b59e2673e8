package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing is slowed per account and per client address, on the form and over Basic auth: after a few
 * failures each try waits longer, then the account and the address are locked for a while, and while they wait not
 * even the right password signs in.
 */
@MicronautTest(transactional = false)
class LoginThrottleTest extends NotifyTestBase {

    @Inject
    EmbeddedServer server;

    @Test
    void twentyWrongPasswordsLockTheAccountAndTheAddressOnTheFormAndOverBasicAuth() {
        addAgent("agent.one", "agent-one-password");
        addAgent("agent.two", "agent-two-password");
        WebSession browser = new WebSession("http://localhost:" + server.getPort());

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(browser.login("agent.one", "guess-" + i).statusCode());
        }
        assertEquals(List.of(401, 401, 401), answers.subList(0, 3), "the first failures are free: " + answers);
        assertTrue(answers.subList(3, 20).contains(429), "then it has to wait: " + answers);

        var right = browser.login("agent.one", "agent-one-password");
        assertEquals(429, right.statusCode(), "not even the right password while locked");
        assertTrue(right.body().contains("Too many failed sign-ins"));
        assertEquals(303, browser.get("/helpdesk").statusCode(), "no session was opened: sent to the login form");

        HttpResponse<?> basic = basic("agent.one", "agent-one-password");
        assertEquals(429, basic.code());
        assertTrue(Long.parseLong(basic.getHeaders().get("Retry-After")) > 60, "locked for minutes");

        assertEquals(429, basic("agent.two", "agent-two-password").code(),
                "the address is locked too: guessing across accounts does not help");
    }

    private void addAgent(String username, String password) {
        assertEquals(201, status(HttpRequest.POST("/api/v1/helpdesk/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"AGENT\"}")
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
    }

    private HttpResponse<?> basic(String username, String password) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/v1/escalations").basicAuth(username, password));
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }
}
