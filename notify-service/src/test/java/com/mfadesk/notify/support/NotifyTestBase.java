package com.mfadesk.notify.support;

import com.mfadesk.testsupport.Eventually;
import com.mfadesk.testsupport.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * notify-service started in the test JVM against its own fresh database on the real server and WireMock as Graph.
 * Subclasses carry {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NotifyTestBase implements TestPropertyProvider {

    public static final String TOKEN = "test-internal-token";
    public static final String HELPDESK_USER = "helpdesk";
    public static final String HELPDESK_PASSWORD = "helpdesk-test-pw";

    protected final GraphStub graph = new GraphStub();
    protected final TestDatabase database = TestDatabase.create("notify");

    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.username());
        properties.put("datasources.default.password", database.password());
        properties.put("graph.base-url", graph.baseUrl());
        properties.put("graph.token-url", graph.tokenUrl());
        properties.put("graph.client-id", "client-id");
        properties.put("graph.client-secret", "client-secret");
        properties.put("internal.api-token", TOKEN);
        properties.put("support.mailbox", GraphStub.MAILBOX);
        properties.put("helpdesk.team-id", "T1");
        properties.put("helpdesk.channel-id", "C9");
        properties.put("helpdesk.mailbox", "helpdesk@contoso.com");
        properties.put("helpdesk.bootstrap-user", HELPDESK_USER);
        properties.put("helpdesk.bootstrap-password", HELPDESK_PASSWORD);
        properties.put("outbox.poll-interval", "50ms");
        // each test registers its own methods for the same people
        properties.put("graph.directory-cache-ttl", "0s");
        return properties;
    }

    @BeforeEach
    void resetGraph() {
        graph.reset();
    }

    @AfterAll
    void tearDown() {
        graph.close();
    }

    protected String handOver(String json) {
        http.toBlocking().exchange(HttpRequest.POST("/internal/v1/cases", json).bearerAuth(TOKEN));
        return null;
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> caseState(String caseId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(TOKEN),
                Argument.mapOf(String.class, Object.class));
    }

    /** Waits until the case is decided, and returns its public state. */
    protected Map<String, Object> awaitDecision(String caseId) {
        Eventually.await("case " + caseId + " decided", () -> !"PENDING".equals(caseState(caseId).get("action")));
        return caseState(caseId);
    }

    protected static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    protected int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
