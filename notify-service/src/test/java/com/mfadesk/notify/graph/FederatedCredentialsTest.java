package com.mfadesk.notify.graph;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.common.graph.ClientCredentialsTokenSource;
import com.mfadesk.common.graph.OAuthTokens;
import com.mfadesk.notify.graph.delegated.DelegatedTokens;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With AZURE_FEDERATED_TOKEN_FILE (workload identity federation) the app's own tokens and the support account's are
 * both asked for with the federated token as client assertion, never with the secret.
 */
@MicronautTest(transactional = false)
class FederatedCredentialsTest extends NotifyTestBase {

    private static final String FEDERATED_TOKEN = "eyJ.projected-service-account-token.sig";

    @Inject
    ClientCredentialsTokenSource appTokens;

    @Inject
    DelegatedTokens supportAccountTokens;

    @Override
    public Map<String, String> getProperties() {
        Path tokenFile = Path.of("target", "test-tokens", "azure-identity-token");
        try {
            Files.createDirectories(tokenFile.getParent());
            Files.writeString(tokenFile, FEDERATED_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("azure.federated-token-file", tokenFile.toString());
        properties.put("graph.delegated.refresh-token", "seed-refresh-token");
        properties.put("graph.delegated.encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
        return properties;
    }

    @Test
    void bothGrantsAuthenticateWithTheFederatedToken() {
        renew(appTokens);
        renew(supportAccountTokens);

        List<String> forms = graph.tokenRequests().stream().map(LoggedRequest::getBodyAsString).toList();
        assertTrue(forms.stream().anyMatch(form -> form.contains("grant_type=client_credentials")), forms.toString());
        assertTrue(forms.stream().anyMatch(form -> form.contains("grant_type=refresh_token")), forms.toString());
        for (String form : forms) {
            assertTrue(form.contains("client_assertion=" + URLEncoder.encode(FEDERATED_TOKEN, StandardCharsets.UTF_8)),
                    form);
            assertFalse(form.contains("client_secret"), form);
        }
    }

    /** A token request now, whatever is cached. */
    private static void renew(OAuthTokens tokens) {
        tokens.reject(tokens.currentToken());
        tokens.currentToken();
    }
}
