package com.mfadesk.common.graph;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Client-credentials tokens for Microsoft Graph. */
@Singleton
public class ClientCredentialsTokenSource extends ClientCredentialsTokens {

    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    public ClientCredentialsTokenSource(GraphConfiguration configuration, AppCredential credential,
                                        ObjectMapper objectMapper, Clock clock) {
        super(configuration, credential, objectMapper, clock, GRAPH_SCOPE);
    }
}
