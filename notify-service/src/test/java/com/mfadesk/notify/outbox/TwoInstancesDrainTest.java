package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.testsupport.Eventually;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two notify-service instances on one database drain one outbox: every case answered, none twice. */
@MicronautTest(transactional = false)
class TwoInstancesDrainTest extends NotifyTestBase {

    private static final int CASES = 500;
    private static final String USER = "marcus.oyelaran@contoso.com";
    private static final Pattern CASE_HEADER = Pattern.compile("\"X-MFA-Desk-Case\",\"value\":\"([^\"]+)\"");

    @Inject
    MeterRegistry metrics;

    @Test
    void fiveHundredCasesAreAnsweredExactlyOnceByTwoInstances() {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<unused@contoso.com>", "AAMkUnused");
        graph.stub(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1.0/users/[^/]+/messages"))
                .willReturn(com.mfadesk.notify.support.GraphStub.okJson("{\"value\":[{\"id\":\"AAMkShared\"}]}")));
        graph.batchFindsMail();
        Map<String, Object> secondProperties = new HashMap<>(getProperties());
        secondProperties.put("micronaut.server.port", "-1");
        try (ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, secondProperties, "test")
                .getApplicationContext()) {
            for (int i = 0; i < CASES; i++) {
                handOver(Handoffs.email(newCaseId(), "no-phone-today", USER, "Marcus Oyelaran", true,
                        "<drain-" + i + "@contoso.com>"));
            }
            Eventually.await("every reply", Duration.ofMinutes(3), () -> graph.replies().size() >= CASES);
            Set<String> answered = new HashSet<>();
            List<LoggedRequest> replies = graph.replies();
            for (LoggedRequest reply : replies) {
                Matcher matcher = CASE_HEADER.matcher(reply.getBodyAsString());
                if (matcher.find()) {
                    answered.add(matcher.group(1));
                }
            }
            assertEquals(CASES, replies.size(), "no case answered twice");
            assertEquals(CASES, answered.size(), "every case answered");
            assertTrue(graphCalls(metrics) > 0 && graphCalls(second.getBean(MeterRegistry.class)) > 0,
                    "both instances did part of the work");
        }
    }

    private static double graphCalls(MeterRegistry registry) {
        return registry.find("graph.calls").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
