package com.mfadesk.notify.graph.delegated;

import com.mfadesk.common.graph.GraphConfiguration;
import com.mfadesk.common.graph.OAuthTokens;
import com.mfadesk.common.graph.TokenEndpoint;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Clock;

/**
 * Access tokens of the support account from its refresh token (refresh_token grant). Each response may rotate the
 * refresh token: the newest is stored encrypted at once, so a restart continues with it; the configured one only
 * seeds the first use. The grant is made by the app registration with its own credential (certificate, federated
 * token or secret), whatever gives the app its own tokens: a managed identity cannot redeem a refresh token issued to
 * the app registration, so a support account without such a credential stops the service at startup instead of
 * failing at its first post.
 */
@Context
@Requires(property = "graph.delegated.refresh-token", pattern = ".*\\S.*")
public class DelegatedTokens extends OAuthTokens {

    private static final String NAME = "teams-posting";

    private final TokenEndpoint tokenEndpoint;
    private final DelegatedPostingConfiguration delegated;
    private final StoredCredentialRepository store;
    private final RefreshTokenCipher cipher;
    private final Clock clock;

    public DelegatedTokens(GraphConfiguration graph, TokenEndpoint tokenEndpoint,
                           DelegatedPostingConfiguration delegated, StoredCredentialRepository store, Clock clock) {
        super(clock);
        if (!graph.hasAppCredential()) {
            throw new ConfigurationException("GRAPH_DELEGATED_REFRESH_TOKEN: posting in Teams as the support account "
                    + "needs the app registration's own credential to redeem the refresh token, "
                    + "GRAPH_CLIENT_CERTIFICATE, AZURE_FEDERATED_TOKEN_FILE or GRAPH_CLIENT_SECRET"
                    + (graph.managedIdentity() ? "; the managed identity (GRAPH_MANAGED_IDENTITY) cannot do that" : "")
                    + ". Set one, or unset GRAPH_DELEGATED_REFRESH_TOKEN.");
        }
        if (delegated.encryptionKey() == null || delegated.encryptionKey().isBlank()) {
            throw new IllegalStateException("GRAPH_DELEGATED_ENCRYPTION_KEY is required with a delegated account");
        }
        this.tokenEndpoint = tokenEndpoint;
        this.delegated = delegated;
        this.store = store;
        this.cipher = new RefreshTokenCipher(delegated.encryptionKey());
        this.clock = clock;
    }

    @Override
    protected TokenResponse requestToken() {
        String refreshToken = store.findById(NAME).map(stored -> cipher.decrypt(stored.ciphertext()))
                .orElse(delegated.refreshToken());
        TokenResponse response = tokenEndpoint.request("grant_type=refresh_token"
                + "&refresh_token=" + encode(refreshToken)
                + "&scope=" + encode(delegated.scopes()));
        keepRotated(response);
        return response;
    }

    private void keepRotated(TokenResponse response) {
        if (response.refreshToken() == null || response.refreshToken().isBlank()) {
            return;
        }
        StoredCredential rotated = new StoredCredential(NAME, cipher.encrypt(response.refreshToken()),
                clock.instant());
        if (store.existsById(NAME)) {
            store.update(rotated);
        } else {
            store.save(rotated);
        }
    }
}
