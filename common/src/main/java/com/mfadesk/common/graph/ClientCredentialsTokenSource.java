package com.mfadesk.common.graph;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Client-credentials tokens for Microsoft Graph. */
@Singleton
public class ClientCredentialsTokenSource extends ClientCredentialsTokens {

    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    public ClientCredentialsTokenSource(GraphConfiguration configuration, ObjectMapper objectMapper, Clock clock) {
        super(configuration, objectMapper, clock, GRAPH_SCOPE);
    }
}
