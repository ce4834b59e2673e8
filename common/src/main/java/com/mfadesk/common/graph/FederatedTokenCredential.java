package com.mfadesk.common.graph;

import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Workload identity federation: the app proves itself with a token that another identity provider issued to the
 * workload (the Kubernetes service account token that AKS projects into AZURE_FEDERATED_TOKEN_FILE, or any other
 * provider the app registration has a federated credential for), sent as the client assertion. The platform rotates
 * the file, so it is read again for every token request; it has no expiry of its own to watch.
 */
final class FederatedTokenCredential implements AppCredential {

    static final String VARIABLE = "AZURE_FEDERATED_TOKEN_FILE";

    private final String clientId;
    private final Path file;

    private FederatedTokenCredential(String clientId, Path file) {
        this.clientId = clientId;
        this.file = file;
    }

    /** A file that is not there or cannot be read stops the service at startup, naming the variable. */
    static FederatedTokenCredential of(GraphConfiguration configuration) {
        Path file = Path.of(configuration.federatedTokenFile().strip());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigurationException(VARIABLE + ": " + file + " does not exist or cannot be read");
        }
        return new FederatedTokenCredential(configuration.clientId(), file);
    }

    @Override
    public String formFields() {
        return ClientAssertion.formFields(clientId, currentToken());
    }

    @Override
    public Optional<CredentialExpiry> expiry() {
        return Optional.empty();
    }

    private String currentToken() {
        String token;
        try {
            token = Files.readString(file).strip();
        } catch (IOException e) {
            throw new GraphException(0, "cannot read " + VARIABLE + " " + file + ": " + e, true);
        }
        if (token.isEmpty()) {
            throw new GraphException(0, VARIABLE + " " + file + " is empty", true);
        }
        return token;
    }
}
