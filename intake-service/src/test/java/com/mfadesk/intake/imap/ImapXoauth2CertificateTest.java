package com.mfadesk.intake.imap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.RawHeaders;
import com.mfadesk.intake.support.TestMail;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.testsupport.TestCertificate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP_AUTH=xoauth2 with GRAPH_CLIENT_CERTIFICATE: Exchange's token is asked for with the certificate's signed
 * assertion, like Graph's, and never with the secret.
 */
@MicronautTest(transactional = false)
class ImapXoauth2CertificateTest extends IntakeTestBase {

    private static final String TOKEN = "exchange-online-token";
    private static final String TOKEN_PATH = "/tenant/oauth2/v2.0/token";

    private final TestImapServer imapServer = new TestImapServer(TOKEN);
    private final WireMockServer tokenEndpoint = new WireMockServer(options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        tokenEndpoint.start();
        tokenEndpoint.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + TOKEN + "\"}")));
        TestCertificate certificate = TestCertificate.validFor(Path.of("target", "test-certificates", "imap"), 30);
        Map<String, String> properties = super.getProperties();
        properties.put("graph.token-url", tokenEndpoint.baseUrl() + TOKEN_PATH);
        properties.put("graph.client-id", "intake-app");
        properties.put("graph.client-secret", "app-secret");
        properties.put("graph.client-certificate", certificate.pkcs12().toString());
        properties.put("graph.client-certificate-password", certificate.password());
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
    void exchangesTokenIsAskedForWithTheCertificate() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").subject("Locked out " + marker());
        long uid = imapServer.deliver(mail.bytes());

        Eventually.await("message flagged \\Seen", () -> imapServer.isSeen(uid));

        assertTrue(lookUpEmail(RawHeaders.externalId(imapServer.servedBytes(uid))).isPresent());
        String form = tokenEndpoint.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0).getBodyAsString();
        assertTrue(form.contains("scope=" + URLEncoder.encode("https://outlook.office365.com/.default",
                StandardCharsets.UTF_8)), form);
        assertTrue(form.contains("client_assertion_type=" + URLEncoder.encode(
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)), form);
        assertTrue(form.contains("client_assertion=ey"), form);
        assertFalse(form.contains("client_secret"), form);
    }
}
