package com.mfadesk.common.graph;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /health turns DOWN when Graph credentials stop working — the classic silent death of mail integrations: an
 * expired or wrong client secret, certificate or federated token (the token endpoint refuses it) or a token endpoint
 * that keeps failing — and when the credential's expiry has passed (the secret's configured date, the certificate's
 * own; a federated token has none to watch). One passing hiccup does not count.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
public class GraphCredentialsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private static final int TRANSIENT_FAILURES_TOLERATED = 3;

    private final ClientCredentialsTokenSource tokens;
    private final AppCredential credential;
    private final Clock clock;

    public GraphCredentialsHealthIndicator(ClientCredentialsTokenSource tokens, AppCredential credential,
                                           Clock clock) {
        this.tokens = tokens;
        this.credential = credential;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        healthStatus = HealthStatus.UP;
        credential.expiry().ifPresent(expiry -> {
            details.put(detailName(expiry.credential()), expiry.at().toString());
            if (expiry.hasPassed(clock.instant())) {
                healthStatus = HealthStatus.DOWN;
                details.put("error", "the Graph " + expiry.credential().label() + " expired at " + expiry.at());
            }
        });
        tokens.lastFailure().ifPresent(failure -> {
            if (!failure.transientFailure() || failure.consecutive() >= TRANSIENT_FAILURES_TOLERATED) {
                healthStatus = HealthStatus.DOWN;
                details.put("error", "Graph token requests failing since " + failure.at() + ": " + failure.message());
            }
        });
        return details;
    }

    private static String detailName(CredentialExpiry.Credential credential) {
        return switch (credential) {
            case CLIENT_SECRET -> "clientSecretExpiresAt";
            case CLIENT_CERTIFICATE -> "clientCertificateExpiresAt";
        };
    }

    @Override
    protected String getName() {
        return "graphCredentials";
    }
}
