package com.mfadesk.intake.pipeline;

import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.GuidanceStub;
import com.mfadesk.intake.support.NotifyStub;
import com.mfadesk.testsupport.TestDatabase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline is durable across a restart: a case taken in while guidance-service is down, by an intake that then
 * stops, is handed over exactly once by the next intake on the same database.
 */
class PipelineRestartTest {

    private static final String TOKEN = "test-internal-token";

    private final TestDatabase database = TestDatabase.create("intake");
    private final GuidanceStub guidance = new GuidanceStub();
    private final NotifyStub notify = new NotifyStub();

    @AfterEach
    void stopStubs() {
        guidance.close();
        notify.close();
    }

    @Test
    void caseAcceptedBeforeARestartIsHandedOverOnceAfterIt() {
        String marker = "restart-" + System.nanoTime();
        guidance.unavailableFor(marker);
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").subject("No code " + marker)
                .body("No text message arrives when I sign in.\n");

        String caseId;
        try (EmbeddedServer first = startIntake()) {
            caseId = post(first, mail);
            Eventually.await("a failed classification", () -> !guidance.requestsContaining(marker).isEmpty());
        }
        assertTrue(notify.handoffsOf(caseId).isEmpty(), "nothing handed over before the restart");
        guidance.backOnline();

        try (EmbeddedServer second = startIntake()) {
            PipelineJobRepository jobs = second.getApplicationContext().getBean(PipelineJobRepository.class);
            Eventually.await("handed over after the restart", Duration.ofSeconds(30), () -> jobs.findById(caseId)
                    .map(job -> job.stage() == PipelineJob.Stage.DONE).orElse(false));
            assertEquals(1, notify.handoffsOf(caseId).size(), "handed over exactly once");
        }
    }

    private EmbeddedServer startIntake() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.username());
        properties.put("datasources.default.password", database.password());
        properties.put("guidance.url", guidance.baseUrl());
        properties.put("notify.url", notify.baseUrl());
        properties.put("internal.api-token", TOKEN);
        properties.put("org.domains", "contoso.com,contoso.co.uk");
        properties.put("support.mailbox", "support@contoso.com");
        properties.put("pipeline.poll-interval", "50ms");
        // a job claimed by the stopping instance is free again soon
        properties.put("pipeline.lease", "3s");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static String post(EmbeddedServer server, TestMail mail) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/api/v1/messages/email",
                    mail.bytes()).contentType("message/rfc822").bearerAuth(TOKEN), Map.class);
            assertEquals(202, response.code());
            return (String) response.body().get("caseId");
        }
    }
}
