package com.mfadesk.notify.graph;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.common.graph.ClientCredentialsTokenSource;
import com.mfadesk.common.graph.OAuthTokens;
import com.mfadesk.notify.graph.delegated.DelegatedTokens;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GRAPH_MANAGED_IDENTITY=true with a support account: the app's own tokens come from the managed identity, the
 * support account's from its refresh token redeemed by the app registration with its own credential.
 */
@MicronautTest(transactional = false)
class ManagedIdentityCredentialsTest extends NotifyTestBase {

    @Inject
    ClientCredentialsTokenSource appTokens;

    @Inject
    DelegatedTokens supportAccountTokens;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("graph.managed-identity", "true");
        properties.put("identity.endpoint", graph.identityEndpoint());
        properties.put("identity.header", "identity-header");
        properties.put("graph.delegated.refresh-token", "seed-refresh-token");
        properties.put("graph.delegated.encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
        return properties;
    }

    @Test
    void appTokensComeFromTheManagedIdentityAndTheSupportAccountsFromTheAppRegistration() {
        graph.managedIdentityIssues("managed-identity-token");

        assertEquals("managed-identity-token", renew(appTokens));
        renew(supportAccountTokens);

        LoggedRequest asked = graph.managedIdentityRequests().get(0);
        assertEquals("https://graph.microsoft.com", asked.queryParameter("resource").firstValue());
        List<String> forms = graph.tokenRequests().stream().map(LoggedRequest::getBodyAsString).toList();
        assertFalse(forms.isEmpty());
        for (String form : forms) {
            assertTrue(form.contains("grant_type=refresh_token"), "no client-credentials grant: " + form);
            assertTrue(form.contains("client_secret=client-secret"), form);
        }
    }

    /** A token request now, whatever is cached. */
    private static String renew(OAuthTokens tokens) {
        tokens.reject(tokens.currentToken());
        return tokens.currentToken();
    }
}
