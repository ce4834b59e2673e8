package com.mfadesk.common.graph;

import com.mfadesk.testsupport.TestCertificate;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health tells when the app's credential expires, and is DOWN once it has. */
class CredentialExpiryHealthTest {

    @TempDir
    Path directory;

    @Test
    void aValidCertificateIsUpWithItsExpiry() {
        TestCertificate certificate = TestCertificate.validFor(directory, 30);

        HealthResult health = healthWith(Map.of("graph.client-certificate", certificate.pem().toString()));

        assertEquals(HealthStatus.UP, health.getStatus());
        assertEquals(certificate.certificate().getNotAfter().toInstant().toString(),
                details(health).get("clientCertificateExpiresAt"));
    }

    @Test
    void anExpiredCertificateIsDown() {
        TestCertificate certificate = TestCertificate.expired(directory);

        HealthResult health = healthWith(Map.of("graph.client-certificate", certificate.pkcs12().toString(),
                "graph.client-certificate-password", certificate.password()));

        assertEquals(HealthStatus.DOWN, health.getStatus());
        assertEquals(certificate.certificate().getNotAfter().toInstant().toString(),
                details(health).get("clientCertificateExpiresAt"));
        assertTrue(String.valueOf(details(health).get("error")).contains("client certificate"), details(health)
                .toString());
    }

    @Test
    void anExpiredSecretIsDown() {
        Instant expiredAt = Instant.parse("2024-01-31T00:00:00Z");

        HealthResult health = healthWith(Map.of("graph.client-secret", "secret",
                "graph.client-secret-expires-at", expiredAt.toString()));

        assertEquals(HealthStatus.DOWN, health.getStatus());
        assertEquals(expiredAt.toString(), details(health).get("clientSecretExpiresAt"));
    }

    private static HealthResult healthWith(Map<String, Object> credential) {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("graph.client-id", "app", "graph.token-url", "http://127.0.0.1:9/token"))
                .properties(credential)
                .start()) {
            return Mono.from(context.getBean(GraphCredentialsHealthIndicator.class).getResult()).block();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult health) {
        return (Map<String, Object>) health.getDetails();
    }
}
