package com.mfadesk.common.graph;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.Instant;

/**
 * The app registration and where Graph lives (GRAPH_BASE_URL, GRAPH_TOKEN_URL, GRAPH_TENANT_ID, GRAPH_CLIENT_ID,
 * GRAPH_CLIENT_SECRET, GRAPH_CLIENT_CERTIFICATE or AZURE_FEDERATED_TOKEN_FILE). Both URLs may be plain http on
 * loopback, for tests and the local stand-in.
 *
 * @param tenantId                  GRAPH_TENANT_ID, else AZURE_TENANT_ID (as the AKS workload identity webhook sets it)
 * @param clientId                  GRAPH_CLIENT_ID, else AZURE_CLIENT_ID (likewise)
 * @param clientSecretExpiresAt     when the client secret expires (GRAPH_CLIENT_SECRET_EXPIRES_AT, ISO-8601), if
 *                                  known: health turns DOWN once it has passed, and notify warns the help desk before
 * @param clientCertificate         a certificate with its private key (GRAPH_CLIENT_CERTIFICATE): a PEM file
 *                                  (certificate and unencrypted PKCS#8 key) or PKCS#12; when set, it authenticates
 *                                  the app instead of the secret
 * @param clientCertificatePassword the PKCS#12 file's password (GRAPH_CLIENT_CERTIFICATE_PASSWORD)
 * @param federatedTokenFile        a file holding a token of another identity provider that the app registration
 *                                  trusts (AZURE_FEDERATED_TOKEN_FILE: workload identity federation); when set and no
 *                                  certificate is, it authenticates the app instead of the secret
 * @param azureTenantId             AZURE_TENANT_ID, read only through {@code tenantId}
 * @param azureClientId             AZURE_CLIENT_ID, read only through {@code clientId}
 * @param managedIdentity           the app's own tokens come from the platform's managed identity, not from a grant
 *                                  at the token endpoint (GRAPH_MANAGED_IDENTITY=true)
 * @param managedIdentityClientId   the client id of a user-assigned managed identity
 *                                  (GRAPH_MANAGED_IDENTITY_CLIENT_ID); the system-assigned one without it
 * @param identityEndpoint          App Service's (and Functions', Container Apps') managed identity endpoint, as the
 *                                  platform sets IDENTITY_ENDPOINT; without it, the VM's IMDS
 * @param identityHeader            the header that App Service asks for with it (IDENTITY_HEADER, set by the platform)
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
        @Nullable String clientCertificatePassword,
        @Nullable @Property(name = "azure.federated-token-file") String federatedTokenFile,
        @Nullable @Property(name = "azure.tenant-id") String azureTenantId,
        @Nullable @Property(name = "azure.client-id") String azureClientId,
        @Bindable(defaultValue = "false") boolean managedIdentity,
        @Nullable String managedIdentityClientId,
        @Nullable @Property(name = "identity.endpoint") String identityEndpoint,
        @Nullable @Property(name = "identity.header") String identityHeader) {

    public GraphConfiguration {
        tenantId = isSet(tenantId) ? tenantId : azureTenantId;
        clientId = isSet(clientId) ? clientId : azureClientId;
    }

    public String effectiveTokenUrl() {
        if (isSet(tokenUrl)) {
            return tokenUrl;
        }
        return "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token";
    }

    /**
     * Whether the app registration has a credential of its own to prove itself with at the token endpoint: a
     * managed identity gives the app tokens, but cannot redeem a delegated account's refresh token.
     */
    public boolean hasAppCredential() {
        return isSet(clientCertificate) || isSet(federatedTokenFile) || isSet(clientSecret);
    }

    /** Not blank: docker-compose passes an unset variable as an empty string. */
    static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
