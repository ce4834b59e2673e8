package com.mfadesk.common.graph;

import com.mfadesk.testsupport.TestCertificate;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workload identity federation (AKS workload identity, GitHub Actions and other federated credentials): with
 * AZURE_FEDERATED_TOKEN_FILE the app proves itself with the token in that file as its client assertion, read again
 * for every token request because the platform rotates it, and never with a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederatedTokenCredentialTest {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final TokenEndpointStub tokenEndpoint = new TokenEndpointStub();

    @TempDir
    Path directory;

    private Path tokenFile;

    @BeforeEach
    void writeTheProjectedToken() throws IOException {
        tokenEndpoint.reset();
        tokenFile = directory.resolve("azure-identity-token");
        Files.writeString(tokenFile, "eyJ.kubelet-token-1.sig\n");
    }

    @AfterAll
    void stop() {
        tokenEndpoint.close();
    }

    @Test
    void theTokenRequestCarriesTheFilesTokenAsClientAssertionAndNoSecret() {
        try (ApplicationContext context = ApplicationContext.run(webhookVariables())) {
            assertEquals("app-token", context.getBean(ClientCredentialsTokenSource.class).currentToken());
        }

        Map<String, String> form = tokenEndpoint.forms().get(0);
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("https://graph.microsoft.com/.default", form.get("scope"));
        assertEquals("workload-client", form.get("client_id"), "AZURE_CLIENT_ID when GRAPH_CLIENT_ID is not set");
        assertEquals(JWT_BEARER, form.get("client_assertion_type"));
        assertEquals("eyJ.kubelet-token-1.sig", form.get("client_assertion"));
        assertFalse(form.containsKey("client_secret"), form.toString());
    }

    @Test
    void theFileIsReadAgainForEveryTokenRequest() throws IOException {
        try (ApplicationContext context = ApplicationContext.run(webhookVariables())) {
            ClientCredentialsTokenSource tokens = context.getBean(ClientCredentialsTokenSource.class);
            tokens.currentToken();
            Files.writeString(tokenFile, "eyJ.kubelet-token-2.sig");
            tokens.reject(tokens.currentToken());
            tokens.currentToken();
        }

        List<Map<String, String>> forms = tokenEndpoint.forms();
        assertEquals(2, forms.size());
        assertEquals("eyJ.kubelet-token-1.sig", forms.get(0).get("client_assertion"));
        assertEquals("eyJ.kubelet-token-2.sig", forms.get(1).get("client_assertion"));
    }

    @Test
    void ourOwnIdsWinOverTheWebhooks() {
        Map<String, Object> properties = webhookVariables();
        properties.put("graph.client-id", "graph-client");
        properties.put("graph.tenant-id", "graph-tenant");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            context.getBean(ClientCredentialsTokenSource.class).currentToken();
            assertEquals("graph-tenant", context.getBean(GraphConfiguration.class).tenantId());
        }

        assertEquals("graph-client", tokenEndpoint.forms().get(0).get("client_id"));
    }

    @Test
    void withoutOurOwnTheWebhooksTenantNamesTheTokenEndpoint() {
        Map<String, Object> properties = webhookVariables();
        properties.remove("graph.token-url");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            GraphConfiguration configuration = context.getBean(GraphConfiguration.class);
            assertEquals("workload-tenant", configuration.tenantId());
            assertEquals("https://login.microsoftonline.com/workload-tenant/oauth2/v2.0/token",
                    configuration.effectiveTokenUrl());
        }
    }

    @Test
    void aCertificateWinsOverTheFederatedToken() throws Exception {
        TestCertificate certificate = TestCertificate.validFor(directory, 30);
        Map<String, Object> properties = webhookVariables();
        properties.put("graph.client-certificate", certificate.pem().toString());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            context.getBean(ClientCredentialsTokenSource.class).currentToken();
        }

        String assertion = tokenEndpoint.forms().get(0).get("client_assertion");
        assertNotEquals("eyJ.kubelet-token-1.sig", assertion);
        assertEquals("workload-client",
                com.nimbusds.jwt.SignedJWT.parse(assertion).getJWTClaimsSet().getSubject(), "our signed assertion");
    }

    @Test
    void aFileThatIsNotThereStopsTheStart() {
        Path missing = directory.resolve("no-such-token");
        Map<String, Object> properties = webhookVariables();
        properties.put("azure.federated-token-file", missing.toString());

        Throwable failure = assertThrows(Throwable.class, () -> ApplicationContext.run(properties).close());

        String messages = messages(failure);
        assertTrue(messages.contains("AZURE_FEDERATED_TOKEN_FILE") && messages.contains(missing.toString()), messages);
    }

    @Test
    void healthIsUpWithoutAnExpiryWhileTokensAreIssuedAndDownWhenTheyAreRefused() {
        try (ApplicationContext context = ApplicationContext.run(webhookVariables())) {
            ClientCredentialsTokenSource tokens = context.getBean(ClientCredentialsTokenSource.class);
            GraphCredentialsHealthIndicator indicator = context.getBean(GraphCredentialsHealthIndicator.class);
            tokens.currentToken();

            HealthResult up = Mono.from(indicator.getResult()).block();
            assertEquals(HealthStatus.UP, up.getStatus());
            assertTrue(details(up).keySet().stream().noneMatch(key -> key.endsWith("ExpiresAt")), details(up)
                    .toString());

            tokenEndpoint.refuses();
            tokens.reject(tokens.currentToken());
            assertThrows(GraphException.class, tokens::currentToken);

            HealthResult down = Mono.from(indicator.getResult()).block();
            assertEquals(HealthStatus.DOWN, down.getStatus());
            assertTrue(String.valueOf(details(down).get("error")).contains("401"), details(down).toString());
        }
    }

    /** What the AKS workload identity webhook injects, with a secret left over from before and our token URL. */
    private Map<String, Object> webhookVariables() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("graph.token-url", tokenEndpoint.url());
        properties.put("graph.client-secret", "old-secret");
        properties.put("azure.federated-token-file", tokenFile.toString());
        properties.put("azure.client-id", "workload-client");
        properties.put("azure.tenant-id", "workload-tenant");
        return properties;
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult health) {
        return (Map<String, Object>) health.getDetails();
    }
}
