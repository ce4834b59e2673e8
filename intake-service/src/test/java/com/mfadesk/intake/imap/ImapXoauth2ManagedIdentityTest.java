package com.mfadesk.intake.imap;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With GRAPH_MANAGED_IDENTITY=true: Exchange's token comes from App Service's managed identity endpoint for
 * Exchange's resource (imap.oauth-scope without {@code /.default}), not Graph's, and no grant is made.
 */
@MicronautTest(transactional = false)
class ImapXoauth2ManagedIdentityTest extends ImapXoauth2TestBase {

    private static final String IDENTITY_PATH = "/msi/token";

    @Override
    protected Map<String, String> credentialProperties() {
        credentials.stubFor(WireMock.get(urlPathEqualTo(IDENTITY_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\""
                        + Instant.now().plusSeconds(3600).getEpochSecond() + "\",\"token_type\":\"Bearer\","
                        + "\"resource\":\"https://outlook.office365.com\"}")));
        return Map.of("graph.token-url", credentials.baseUrl() + "/tenant/oauth2/v2.0/token",
                "graph.managed-identity", "true", "identity.endpoint", credentials.baseUrl() + IDENTITY_PATH,
                "identity.header", "identity-header");
    }

    @Test
    void exchangesTokenComesFromTheManagedIdentityForExchangesResource() {
        mailIsTakenIn();

        List<LoggedRequest> asked = credentials.findAll(getRequestedFor(urlPathEqualTo(IDENTITY_PATH)));
        assertTrue(asked.stream().anyMatch(request -> "https://outlook.office365.com"
                .equals(request.queryParameter("resource").firstValue())), asked.toString());
        assertEquals("identity-header", asked.get(0).getHeader("X-IDENTITY-HEADER"));
        assertTrue(credentials.findAll(postRequestedFor(urlPathMatching(".*"))).isEmpty(), "no grant");
    }
}
