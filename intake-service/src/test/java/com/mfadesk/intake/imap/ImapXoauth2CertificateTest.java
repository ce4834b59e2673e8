package com.mfadesk.intake.imap;

import com.mfadesk.testsupport.TestCertificate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With GRAPH_CLIENT_CERTIFICATE: Exchange's token is asked for with the certificate's signed assertion, like Graph's,
 * and never with the secret.
 */
@MicronautTest(transactional = false)
class ImapXoauth2CertificateTest extends ImapXoauth2TestBase {

    @Override
    protected Map<String, String> credentialProperties() {
        ImapXoauth2Test.stubTokenEndpoint(this);
        TestCertificate certificate = TestCertificate.validFor(Path.of("target", "test-certificates", "imap"), 30);
        return Map.of("graph.token-url", credentials.baseUrl() + ImapXoauth2Test.TOKEN_PATH,
                "graph.client-id", "intake-app", "graph.client-secret", "app-secret",
                "graph.client-certificate", certificate.pkcs12().toString(),
                "graph.client-certificate-password", certificate.password());
    }

    @Test
    void exchangesTokenIsAskedForWithTheCertificate() {
        mailIsTakenIn();

        String form = credentials.findAll(postRequestedFor(urlPathEqualTo(ImapXoauth2Test.TOKEN_PATH))).get(0)
                .getBodyAsString();
        assertTrue(form.contains("scope=" + URLEncoder.encode("https://outlook.office365.com/.default",
                StandardCharsets.UTF_8)), form);
        assertTrue(form.contains("client_assertion_type=" + URLEncoder.encode(
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)), form);
        assertTrue(form.contains("client_assertion=ey"), form);
        assertFalse(form.contains("client_secret"), form);
    }
}
