package com.mfadesk.notify.graph.delegated;

import com.mfadesk.common.graph.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The Graph client that posts in Teams: the support account's when one is configured, else the app's own. */
@Factory
public class TeamsPostingClientFactory {

    public static final String TEAMS_POSTING = "teams-posting";

    @Singleton
    @Named(TEAMS_POSTING)
    GraphServiceClient teamsPostingClient(GraphClientFactory clients, GraphServiceClient appClient,
                                          Optional<DelegatedTokens> delegated) {
        return delegated.map(clients::clientWith).orElse(appClient);
    }
}
