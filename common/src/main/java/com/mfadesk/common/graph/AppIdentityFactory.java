package com.mfadesk.common.graph;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Where the app's own tokens come from: the platform's managed identity with GRAPH_MANAGED_IDENTITY=true, else the
 * client-credentials grant of the app registration with its credential. Made with the context, so a managed identity
 * that is half configured stops the service at startup.
 */
@Factory
public class AppIdentityFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AppIdentityFactory.class);

    @Context
    AppIdentity appIdentity(GraphConfiguration configuration, TokenEndpoint tokenEndpoint, ObjectMapper objectMapper,
                            Clock clock) {
        if (!configuration.managedIdentity()) {
            return new ClientCredentialsGrant(tokenEndpoint);
        }
        ManagedIdentity identity = ManagedIdentity.of(configuration, objectMapper, clock);
        LOG.info("Graph app tokens: the {} managed identity of {}",
                GraphConfiguration.isSet(configuration.managedIdentityClientId())
                        ? "user-assigned (" + configuration.managedIdentityClientId().strip() + ")" : "system-assigned",
                GraphConfiguration.isSet(configuration.identityEndpoint()) ? "IDENTITY_ENDPOINT" : "IMDS");
        return identity;
    }
}
