package com.mfadesk.notify.graph;

import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A managed identity alone gives the app its tokens but cannot redeem the support account's refresh token: notify
 * then refuses to start with a support account, saying so, rather than fail at its first Teams post. Without a
 * support account, the managed identity alone is enough.
 */
class ManagedIdentityWithoutAppCredentialTest extends NotifyTestBase {

    @Test
    void aSupportAccountWithOnlyAManagedIdentityStopsTheStart() {
        Map<String, Object> properties = managedIdentityOnly();
        properties.put("graph.delegated.refresh-token", "seed-refresh-token");
        properties.put("graph.delegated.encryption-key", Base64.getEncoder().encodeToString(new byte[32]));

        Throwable failure = assertThrows(Throwable.class, () -> ApplicationContext.run(properties).close());

        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("GRAPH_DELEGATED_REFRESH_TOKEN")
                && messages.toString().contains("GRAPH_MANAGED_IDENTITY"), messages.toString());
    }

    @Test
    void withoutASupportAccountTheManagedIdentityAloneIsEnough() {
        assertDoesNotThrow(() -> ApplicationContext.run(managedIdentityOnly()).close());
    }

    private Map<String, Object> managedIdentityOnly() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.remove("graph.client-secret");
        properties.put("graph.managed-identity", "true");
        properties.put("identity.endpoint", graph.identityEndpoint());
        properties.put("identity.header", "identity-header");
        return properties;
    }
}
