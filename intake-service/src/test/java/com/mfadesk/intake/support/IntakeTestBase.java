package com.mfadesk.intake.support;

import com.mfadesk.testsupport.Eventually;
import com.mfadesk.testsupport.TestDatabase;
import com.mfadesk.intake.cases.InboundCaseRepository;
import com.mfadesk.intake.cases.RawMessageRepository;
import com.mfadesk.intake.pipeline.PipelineJob;
import com.mfadesk.intake.pipeline.PipelineJobRepository;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * intake-service started in the test JVM against its own fresh database on the real server, with WireMock standing in
 * for guidance-service and notify-service. Subclasses carry {@code @MicronautTest(transactional = false)}; one that
 * needs other settings overrides {@link #getProperties()} and adds to the map.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntakeTestBase implements TestPropertyProvider {

    public static final String TOKEN = "test-internal-token";
    public static final String SUPPORT_MAILBOX = "support@contoso.com";
    public static final String EMAIL_PATH = "/api/v1/messages/email";

    protected final GuidanceStub guidance = new GuidanceStub();
    protected final NotifyStub notify = new NotifyStub();
    protected final TestDatabase database = TestDatabase.create("intake");

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected ObjectMapper objectMapper;

    @Inject
    protected InboundCaseRepository cases;

    @Inject
    protected RawMessageRepository rawMessages;

    @Inject
    protected PipelineJobRepository jobs;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        // application.yml fixes the port at 8081, which a running intake-service may hold: any free port here
        properties.put("micronaut.server.port", "-1");
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.username());
        properties.put("datasources.default.password", database.password());
        properties.put("guidance.url", guidance.baseUrl());
        properties.put("notify.url", notify.baseUrl());
        properties.put("internal.api-token", TOKEN);
        properties.put("org.domains", "contoso.com,contoso.co.uk");
        properties.put("support.mailbox", SUPPORT_MAILBOX);
        properties.put("pipeline.poll-interval", "50ms");
        return properties;
    }

    @BeforeEach
    void resetDownstream() {
        guidance.reset();
        notify.reset();
    }

    @AfterAll
    void stopDownstream() {
        guidance.close();
        notify.close();
    }

    /** What intake answered: status code, content type and body (a problem document for errors). */
    public record Answer(int status, String contentType, String body, Map<String, Object> json) {

        public String caseId() {
            return (String) json.get("caseId");
        }

        public String intakeStatus() {
            return (String) json.get("status");
        }

        public String reason() {
            return (String) json.get("reason");
        }
    }

    /** POST /api/v1/messages/email with the raw bytes, as {@code message/rfc822}, with the internal token. */
    protected Answer postMail(byte[] raw) {
        return exchange(HttpRequest.POST(EMAIL_PATH, raw).contentType("message/rfc822").bearerAuth(TOKEN));
    }

    protected Answer postMail(TestMail mail) {
        return postMail(mail.bytes());
    }

    protected Answer exchange(MutableHttpRequest<?> request) {
        HttpResponse<?> response;
        String body;
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(request, String.class);
            response = ok;
            body = ok.body();
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
            body = e.getResponse().getBody(String.class).orElse(null);
        }
        return new Answer(response.code(), response.getContentType().map(Object::toString).orElse(null), body,
                parse(body));
    }

    /** GET /api/v1/cases?channel=EMAIL&externalId=…, empty on 404. */
    protected Optional<Map<String, Object>> lookUpEmail(String externalId) {
        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=EMAIL&externalId="
                + URLEncoder.encode(externalId, StandardCharsets.UTF_8)).bearerAuth(TOKEN));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new AssertionError("case look-up answered " + answer.status() + ": " + answer.body());
        }
        return Optional.of(answer.json());
    }

    /** Waits until the case's pipeline job is done: after that neither guidance nor notify hears of it again. */
    protected void awaitHandedOver(String caseId) {
        Eventually.await("case " + caseId + " handed over to notify", () -> jobs.findById(caseId)
                .map(job -> job.stage() == PipelineJob.Stage.DONE).orElse(false));
    }

    /** A marker unique to one test, put in a subject so its requests downstream can be told apart. */
    protected static String marker() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Map<String, Object> parse(String json) {
        if (json == null || json.isBlank() || !json.strip().startsWith("{")) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> object(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }
}
