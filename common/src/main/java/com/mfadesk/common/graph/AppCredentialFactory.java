package com.mfadesk.common.graph;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The app's credential: GRAPH_CLIENT_SECRET. */
@Factory
public class AppCredentialFactory {

    @Singleton
    AppCredential appCredential(GraphConfiguration configuration) {
        return new ClientSecret(configuration);
    }
}
