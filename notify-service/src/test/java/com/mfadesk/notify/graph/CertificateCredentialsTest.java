package com.mfadesk.notify.graph;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.common.graph.ClientCredentialsTokenSource;
import com.mfadesk.common.graph.OAuthTokens;
import com.mfadesk.notify.graph.delegated.DelegatedTokens;
import com.mfadesk.notify.helpdesk.CredentialExpiryWatch;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.testsupport.TestCertificate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With GRAPH_CLIENT_CERTIFICATE the app's own tokens and the support account's are both asked for with the
 * certificate's assertion, and the help desk is warned before the certificate expires, as before a secret does.
 */
@MicronautTest(transactional = false)
class CertificateCredentialsTest extends NotifyTestBase {

    @Inject
    ClientCredentialsTokenSource appTokens;

    @Inject
    DelegatedTokens supportAccountTokens;

    @Inject
    CredentialExpiryWatch expiryWatch;

    @Override
    public Map<String, String> getProperties() {
        TestCertificate certificate = TestCertificate.validFor(Path.of("target", "test-certificates", "notify"), 3);
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("graph.client-certificate", certificate.pem().toString());
        properties.put("graph.delegated.refresh-token", "seed-refresh-token");
        properties.put("graph.delegated.encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
        return properties;
    }

    @Test
    void bothGrantsAuthenticateWithTheCertificate() {
        renew(appTokens);
        renew(supportAccountTokens);

        List<String> forms = graph.tokenRequests().stream().map(LoggedRequest::getBodyAsString).toList();
        assertTrue(forms.stream().anyMatch(form -> form.contains("grant_type=client_credentials")), forms.toString());
        assertTrue(forms.stream().anyMatch(form -> form.contains("grant_type=refresh_token")), forms.toString());
        for (String form : forms) {
            assertTrue(form.contains("client_assertion=ey"), form);
            assertFalse(form.contains("client_secret"), form);
        }
    }

    @Test
    void anExpiringCertificateIsAnnouncedOnce() {
        graph.channelPostsAccepted();
        graph.sendMailAccepted();

        expiryWatch.check();
        expiryWatch.check();

        Eventually.await("the warning", () -> graph.channelPosts("T1", "C9").stream()
                .anyMatch(r -> r.getBodyAsString().contains("client certificate")));
        assertEquals(1, graph.channelPosts("T1", "C9").stream()
                .filter(r -> r.getBodyAsString().contains("client certificate")).count());
    }

    /** A token request now, whatever is cached. */
    private static void renew(OAuthTokens tokens) {
        tokens.reject(tokens.currentToken());
        tokens.currentToken();
    }
}
