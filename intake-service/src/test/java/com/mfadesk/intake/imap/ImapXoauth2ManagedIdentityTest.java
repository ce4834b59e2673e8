package com.mfadesk.intake.imap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.RawHeaders;
import com.mfadesk.intake.support.TestMail;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP_AUTH=xoauth2 with GRAPH_MANAGED_IDENTITY=true: Exchange's token comes from App Service's managed identity
 * endpoint for Exchange's resource (imap.oauth-scope without {@code /.default}), not Graph's, and no grant is made.
 */
@MicronautTest(transactional = false)
class ImapXoauth2ManagedIdentityTest extends IntakeTestBase {

    private static final String TOKEN = "exchange-online-mi-token";
    private static final String IDENTITY_PATH = "/msi/token";

    private final TestImapServer imapServer = new TestImapServer(TOKEN);
    private final WireMockServer identityEndpoint = new WireMockServer(options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        identityEndpoint.start();
        identityEndpoint.stubFor(WireMock.get(urlPathEqualTo(IDENTITY_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"expires_on\":\""
                        + Instant.now().plusSeconds(3600).getEpochSecond() + "\",\"token_type\":\"Bearer\","
                        + "\"resource\":\"https://outlook.office365.com\"}")));
        Map<String, String> properties = super.getProperties();
        properties.put("graph.token-url", identityEndpoint.baseUrl() + "/tenant/oauth2/v2.0/token");
        properties.put("graph.managed-identity", "true");
        properties.put("identity.endpoint", identityEndpoint.baseUrl() + IDENTITY_PATH);
        properties.put("identity.header", "identity-header");
        properties.put("imap.host", "127.0.0.1");
        properties.put("imap.port", Integer.toString(imapServer.port()));
        properties.put("imap.ssl", "false");
        properties.put("imap.auth", "xoauth2");
        properties.put("imap.user", TestImapServer.MAILBOX);
        properties.put("imap.poll-interval", "200ms");
        return properties;
    }

    @AfterAll
    void stopServers() {
        identityEndpoint.stop();
        imapServer.close();
    }

    @Test
    void exchangesTokenComesFromTheManagedIdentityForExchangesResource() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .subject("Locked out " + marker());
        long uid = imapServer.deliver(mail.bytes());

        Eventually.await("message flagged \\Seen", () -> imapServer.isSeen(uid));

        assertTrue(lookUpEmail(RawHeaders.externalId(imapServer.servedBytes(uid))).isPresent());
        List<LoggedRequest> asked = identityEndpoint.findAll(getRequestedFor(urlPathEqualTo(IDENTITY_PATH)));
        assertTrue(asked.stream().anyMatch(request -> "https://outlook.office365.com"
                .equals(request.queryParameter("resource").firstValue())), asked.toString());
        assertEquals("identity-header", asked.get(0).getHeader("X-IDENTITY-HEADER"));
        assertTrue(identityEndpoint.findAll(postRequestedFor(urlPathMatching(".*"))).isEmpty(), "no grant");
    }
}
