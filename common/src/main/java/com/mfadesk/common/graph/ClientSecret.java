package com.mfadesk.common.graph;

import java.util.Optional;

/** GRAPH_CLIENT_SECRET, expiring at GRAPH_CLIENT_SECRET_EXPIRES_AT when that is given. */
final class ClientSecret implements AppCredential {

    private final GraphConfiguration configuration;

    ClientSecret(GraphConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String formFields() {
        return "client_id=" + OAuthTokens.encode(configuration.clientId())
                + "&client_secret=" + OAuthTokens.encode(configuration.clientSecret());
    }

    @Override
    public Optional<CredentialExpiry> expiry() {
        return Optional.ofNullable(configuration.clientSecretExpiresAt())
                .map(at -> new CredentialExpiry(CredentialExpiry.Credential.CLIENT_SECRET, at));
    }
}
