package com.mfadesk.common.graph;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The app's credential, the first one set (not blank: docker-compose passes an unset variable as an empty string) of:
 * GRAPH_CLIENT_CERTIFICATE, AZURE_FEDERATED_TOKEN_FILE, GRAPH_CLIENT_SECRET. A certificate set on purpose wins over
 * a federated token that a platform may inject into every pod, and both over a secret left over from before. Made
 * with the context, so a certificate or token file that cannot be used stops the service at startup rather than at
 * its first token request.
 */
@Factory
public class AppCredentialFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AppCredentialFactory.class);

    @Context
    AppCredential appCredential(GraphConfiguration configuration, Clock clock) {
        if (GraphConfiguration.isSet(configuration.clientCertificate())) {
            LOG.info("Graph app credential: the certificate of GRAPH_CLIENT_CERTIFICATE");
            return new CertificateCredential(configuration, ClientCertificate.read(
                    Path.of(configuration.clientCertificate().strip()), configuration.clientCertificatePassword()),
                    clock);
        }
        if (GraphConfiguration.isSet(configuration.federatedTokenFile())) {
            LOG.info("Graph app credential: the federated token in AZURE_FEDERATED_TOKEN_FILE");
            return FederatedTokenCredential.of(configuration);
        }
        LOG.info("Graph app credential: GRAPH_CLIENT_SECRET");
        return new ClientSecret(configuration);
    }
}
