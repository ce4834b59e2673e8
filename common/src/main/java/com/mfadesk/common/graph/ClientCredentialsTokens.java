package com.mfadesk.common.graph;

import io.micronaut.serde.ObjectMapper;

import java.time.Clock;

/** Client-credentials tokens of the app registration itself, for one scope. */
public class ClientCredentialsTokens extends OAuthTokens {

    private final String scope;

    public ClientCredentialsTokens(GraphConfiguration configuration, ObjectMapper objectMapper, Clock clock,
                                   String scope) {
        super(configuration, objectMapper, clock);
        this.scope = scope;
    }

    @Override
    protected String grantForm() {
        return "grant_type=client_credentials"
                + "&client_id=" + encode(configuration().clientId())
                + "&client_secret=" + encode(configuration().clientSecret())
                + "&scope=" + encode(scope);
    }
}
