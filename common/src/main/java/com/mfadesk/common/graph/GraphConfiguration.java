package com.mfadesk.common.graph;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.Instant;

/**
 * The app registration and where Graph lives (GRAPH_BASE_URL, GRAPH_TOKEN_URL, GRAPH_TENANT_ID, GRAPH_CLIENT_ID,
 * GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE). Both URLs may be plain http on loopback, for tests and the local
 * stand-in.
 *
 * @param clientSecretExpiresAt     when the client secret expires (GRAPH_CLIENT_SECRET_EXPIRES_AT, ISO-8601), if
 *                                  known: health turns DOWN once it has passed, and notify warns the help desk before
 * @param clientCertificate         a certificate with its private key (GRAPH_CLIENT_CERTIFICATE): a PEM file
 *                                  (certificate and unencrypted PKCS#8 key) or PKCS#12; when set, it authenticates
 *                                  the app instead of the secret
 * @param clientCertificatePassword the PKCS#12 file's password (GRAPH_CLIENT_CERTIFICATE_PASSWORD)
 */
@ConfigurationProperties("graph")
public record GraphConfiguration(
        @Bindable(defaultValue = "https://graph.microsoft.com/v1.0") String baseUrl,
        @Nullable String tokenUrl,
        @Nullable String tenantId,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Bindable(defaultValue = "60s") Duration timeout,
        @Nullable Instant clientSecretExpiresAt,
        @Nullable String clientCertificate,
        @Nullable String clientCertificatePassword) {

    public String effectiveTokenUrl() {
        if (tokenUrl != null && !tokenUrl.isBlank()) {
            return tokenUrl;
        }
        return "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token";
    }
}
