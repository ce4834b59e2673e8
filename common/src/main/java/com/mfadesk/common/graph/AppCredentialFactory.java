package com.mfadesk.common.graph;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The app's credential: GRAPH_CLIENT_CERTIFICATE when it is set (not blank: docker-compose passes an unset variable
 * as an empty string), else GRAPH_CLIENT_SECRET. Made with the context, so a certificate that cannot be used stops
 * the service at startup rather than at its first token request.
 */
@Factory
public class AppCredentialFactory {

    @Context
    AppCredential appCredential(GraphConfiguration configuration, Clock clock) {
        String certificate = configuration.clientCertificate();
        if (certificate == null || certificate.isBlank()) {
            return new ClientSecret(configuration);
        }
        return new CertificateCredential(configuration,
                ClientCertificate.read(Path.of(certificate.strip()), configuration.clientCertificatePassword()), clock);
    }
}
