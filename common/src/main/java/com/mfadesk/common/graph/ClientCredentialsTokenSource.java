package com.mfadesk.common.graph;

import jakarta.inject.Singleton;

import java.time.Clock;

/** The app's own tokens for Microsoft Graph. */
@Singleton
public class ClientCredentialsTokenSource extends ClientCredentialsTokens {

    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    public ClientCredentialsTokenSource(AppIdentity identity, Clock clock) {
        super(identity, clock, GRAPH_SCOPE);
    }
}
