package com.mfadesk.intake.imap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.RawHeaders;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP_AUTH=xoauth2, as for Exchange Online: the mailbox is opened with a client-credentials token for Exchange's
 * scope from the Graph app registration's token endpoint (WireMock here); GreenMail accepts XOAUTH2 with the token
 * as the user's password.
 */
@MicronautTest(transactional = false)
class ImapXoauth2Test extends IntakeTestBase {

    private static final String TOKEN = "exchange-online-token";

    private final TestImapServer imapServer = new TestImapServer(TOKEN);
    private final WireMockServer tokenEndpoint = new WireMockServer(options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        tokenEndpoint.start();
        tokenEndpoint.stubFor(post(urlPathEqualTo("/tenant/oauth2/v2.0/token")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + TOKEN + "\"}")));
        Map<String, String> properties = super.getProperties();
        properties.put("graph.token-url", tokenEndpoint.baseUrl() + "/tenant/oauth2/v2.0/token");
        properties.put("graph.client-id", "intake-app");
        properties.put("graph.client-secret", "app-secret");
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
        tokenEndpoint.stop();
        imapServer.close();
    }

    @Test
    void mailboxIsOpenedWithAnExchangeTokenAndMailTakenIn() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").subject("Locked out " + marker());
        long uid = imapServer.deliver(mail.bytes());

        Eventually.await("message flagged \\Seen", () -> imapServer.isSeen(uid));

        assertTrue(lookUpEmail(RawHeaders.externalId(imapServer.servedBytes(uid))).isPresent());
        List<LoggedRequest> tokenRequests = tokenEndpoint.findAll(postRequestedFor(urlPathEqualTo(
                "/tenant/oauth2/v2.0/token")));
        assertFalse(tokenRequests.isEmpty());
        String form = tokenRequests.get(0).getBodyAsString();
        assertTrue(form.contains("grant_type=client_credentials"), form);
        assertTrue(form.contains("client_id=intake-app"), form);
        assertTrue(form.contains("scope=" + URLEncoder.encode("https://outlook.office365.com/.default",
                StandardCharsets.UTF_8)), form);
    }
}
