package com.mfadesk.common.graph;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GRAPH_MANAGED_IDENTITY=true: the app's own tokens come from the platform's managed identity endpoint, App Service's
 * IDENTITY_ENDPOINT (with IDENTITY_HEADER) or else a VM's IMDS, one per resource, instead of a grant at
 * GRAPH_TOKEN_URL; they are cached and renewed like any other token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedIdentityTest {

    private static final String IDENTITY_HEADER = "853b9a84-5bfa-4b22-a3f3-0b9a43d9ad8a";

    private final IdentityEndpointStub identityEndpoint = new IdentityEndpointStub();
    private final TokenEndpointStub tokenEndpoint = new TokenEndpointStub();

    @BeforeEach
    void forget() {
        identityEndpoint.reset();
        tokenEndpoint.reset();
        identityEndpoint.appServiceIssues("mi-graph-token", Instant.now().plusSeconds(3600).getEpochSecond());
    }

    @AfterAll
    void stop() {
        identityEndpoint.close();
        tokenEndpoint.close();
    }

    @Test
    void aSystemAssignedIdentitysTokenIsAskedOfAppServiceAndUsedOnGraphCalls() {
        identityEndpoint.graph().stubFor(get(urlPathEqualTo("/v1.0/users/u-lena")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"u-lena\",\"displayName\":\"Lena Whitford\"}")));

        try (ApplicationContext context = ApplicationContext.run(appService())) {
            assertEquals("Lena Whitford", context.getBean(GraphServiceClient.class).users().byUserId("u-lena").get()
                    .getDisplayName());
        }

        LoggedRequest request = identityEndpoint.appServiceRequests().get(0);
        assertEquals(IDENTITY_HEADER, request.getHeader("X-IDENTITY-HEADER"));
        assertEquals("https://graph.microsoft.com", request.queryParameter("resource").firstValue());
        assertEquals("2019-08-01", request.queryParameter("api-version").firstValue());
        assertTrue(!request.queryParameter("client_id").isPresent(), "system-assigned: no client_id");
        List<LoggedRequest> graphCalls = identityEndpoint.graph()
                .findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/u-lena")));
        assertEquals("Bearer mi-graph-token", graphCalls.get(0).getHeader("Authorization"));
        assertTrue(tokenEndpoint.forms().isEmpty(), "no grant at GRAPH_TOKEN_URL: " + tokenEndpoint.forms());
    }

    @Test
    void aUserAssignedIdentityIsNamedByItsClientId() {
        Map<String, Object> properties = appService();
        properties.put("graph.managed-identity-client-id", "77c1e4a1-user-assigned");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            context.getBean(ClientCredentialsTokenSource.class).currentToken();
        }

        LoggedRequest request = identityEndpoint.appServiceRequests().get(0);
        assertEquals("77c1e4a1-user-assigned", request.queryParameter("client_id").firstValue());
        assertEquals("https://graph.microsoft.com", request.queryParameter("resource").firstValue());
    }

    @Test
    void theTokenIsCachedUntilGraphRefusesIt() {
        try (ApplicationContext context = ApplicationContext.run(appService())) {
            ClientCredentialsTokenSource tokens = context.getBean(ClientCredentialsTokenSource.class);
            String first = tokens.currentToken();
            assertEquals(first, tokens.currentToken());
            assertEquals(1, identityEndpoint.appServiceRequests().size());

            tokens.reject(first);
            tokens.currentToken();
        }

        assertEquals(2, identityEndpoint.appServiceRequests().size());
    }

    @Test
    void withoutAppServiceTheVmsImdsIsAskedPerResourceAndItsExpiryKept() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        identityEndpoint.imdsIssues("imds-exchange-token", 3599, now.plusSeconds(1234).getEpochSecond());
        ManagedIdentity imds = ManagedIdentity.imds(identityEndpoint.imdsEndpoint(), "77c1e4a1-user-assigned",
                ObjectMapper.getDefault(), Clock.fixed(now, ZoneOffset.UTC));

        OAuthTokens.TokenResponse token = imds.tokenFor("https://outlook.office365.com/.default");

        assertEquals("imds-exchange-token", token.accessToken());
        assertEquals(1234L, token.expiresIn(), "expires_on, the token's own exp, is what counts");
        assertNull(token.refreshToken());
        LoggedRequest request = identityEndpoint.imdsRequests().get(0);
        assertEquals("true", request.getHeader("Metadata"));
        assertEquals("2018-02-01", request.queryParameter("api-version").firstValue());
        assertEquals("https://outlook.office365.com", request.queryParameter("resource").firstValue());
        assertEquals("77c1e4a1-user-assigned", request.queryParameter("client_id").firstValue());
    }

    @Test
    void healthIsUpWithoutAnExpiryWhileTokensComeAndDownWhenTheIdentityIsRefused() {
        try (ApplicationContext context = ApplicationContext.run(appService())) {
            ClientCredentialsTokenSource tokens = context.getBean(ClientCredentialsTokenSource.class);
            GraphCredentialsHealthIndicator indicator = context.getBean(GraphCredentialsHealthIndicator.class);
            tokens.currentToken();

            HealthResult up = Mono.from(indicator.getResult()).block();
            assertEquals(HealthStatus.UP, up.getStatus());
            assertTrue(details(up).keySet().stream().noneMatch(key -> key.endsWith("ExpiresAt")), details(up)
                    .toString());

            identityEndpoint.refuses();
            tokens.reject(tokens.currentToken());
            assertThrows(GraphException.class, tokens::currentToken);

            HealthResult down = Mono.from(indicator.getResult()).block();
            assertEquals(HealthStatus.DOWN, down.getStatus());
            assertTrue(String.valueOf(details(down).get("error")).contains("Unable to load the proper Managed "
                    + "Identity"), details(down).toString());
        }
    }

    @Test
    void anIdentityEndpointWithoutItsHeaderStopsTheStart() {
        Map<String, Object> properties = appService();
        properties.remove("identity.header");

        Throwable failure = assertThrows(Throwable.class, () -> ApplicationContext.run(properties).close());

        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("IDENTITY_HEADER"), messages.toString());
    }

    /** App Service with a system-assigned identity; the app registration's settings are still there but unused. */
    private Map<String, Object> appService() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("graph.managed-identity", "true");
        properties.put("identity.endpoint", identityEndpoint.appServiceEndpoint());
        properties.put("identity.header", IDENTITY_HEADER);
        properties.put("graph.base-url", identityEndpoint.graphBaseUrl());
        properties.put("graph.token-url", tokenEndpoint.url());
        properties.put("graph.tenant-id", "tenant");
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult health) {
        return (Map<String, Object>) health.getDetails();
    }
}
