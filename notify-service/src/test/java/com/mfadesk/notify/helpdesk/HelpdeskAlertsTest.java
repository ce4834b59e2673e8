package com.mfadesk.notify.helpdesk;

import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A spike of one scenario alerts the help desk once while answers keep flowing; so does an expiring secret. */
@MicronautTest(transactional = false)
class HelpdeskAlertsTest extends NotifyTestBase {

    private static final String USER = "marcus.oyelaran@contoso.com";

    @Inject
    CredentialExpiryWatch expiryWatch;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("outage.threshold", "3");
        properties.put("outage.window", "10m");
        properties.put("graph.client-secret-expires-at", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        return properties;
    }

    @Test
    void aSpikeOfOneScenarioAlertsTheHelpDeskOnceAndAnswersKeepFlowing() {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.repliesAccepted();
        graph.sendMailAccepted();
        graph.channelPostsAccepted();
        for (int i = 0; i < 5; i++) {
            String caseId = newCaseId();
            graph.mailFound("<spike-" + i + "@contoso.com>", "AAMkSpike" + i);
            handOver(Handoffs.email(caseId, "code-not-received", USER, "Marcus Oyelaran", true,
                    "<spike-" + i + "@contoso.com>"));
            assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        }
        Eventually.await("the incident alert", () -> incidentPosts() == 1);
        Eventually.await("every answer", () -> graph.replies().size() == 5);
        assertEquals(1, incidentPosts(), "alerted once");
        assertEquals(1, graph.mailsSent().stream()
                .filter(r -> r.getBodyAsString().contains("Probable MFA incident")).count());
    }

    @Test
    void anExpiringSecretIsAnnouncedOnce() {
        graph.channelPostsAccepted();
        graph.sendMailAccepted();

        expiryWatch.check();
        expiryWatch.check();

        Eventually.await("the warning", () -> graph.channelPosts("T1", "C9").stream()
                .anyMatch(r -> r.getBodyAsString().contains("client secret")));
        assertEquals(1, graph.channelPosts("T1", "C9").stream()
                .filter(r -> r.getBodyAsString().contains("client secret")).count());
    }

    private long incidentPosts() {
        return graph.channelPosts("T1", "C9").stream()
                .filter(r -> r.getBodyAsString().contains("Probable MFA service incident")).count();
    }
}
