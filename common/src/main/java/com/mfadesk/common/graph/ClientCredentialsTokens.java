package com.mfadesk.common.graph;

import io.micronaut.serde.ObjectMapper;

import java.time.Clock;

/** Client-credentials tokens of the app registration itself, for one scope. */
public class ClientCredentialsTokens extends OAuthTokens {

    private final String scope;

    public ClientCredentialsTokens(GraphConfiguration configuration, AppCredential credential,
                                   ObjectMapper objectMapper, Clock clock, String scope) {
        super(configuration, credential, objectMapper, clock);
        this.scope = scope;
    }

    @Override
    protected String grantForm() {
        return "grant_type=client_credentials&scope=" + encode(scope);
    }
}
