package com.mfadesk.common.graph;

import com.mfadesk.testsupport.TestCertificate;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A certificate that cannot be used stops the service at startup, naming the variable, not at the first token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadableCertificateTest {

    private TestCertificate certificate;

    @BeforeAll
    void makeCertificate(@TempDir Path directory) {
        certificate = TestCertificate.validFor(directory, 30);
    }

    @Test
    void aWrongPasswordStopsTheStart() {
        String message = startupFailure(Map.of("graph.client-certificate", certificate.pkcs12().toString(),
                "graph.client-certificate-password", "not-the-password"));

        assertTrue(message.contains("GRAPH_CLIENT_CERTIFICATE_PASSWORD"), message);
    }

    @Test
    void aMissingFileStopsTheStart() {
        Path missing = certificate.pem().resolveSibling("no-such.pem");

        String message = startupFailure(Map.of("graph.client-certificate", missing.toString()));

        assertTrue(message.contains("GRAPH_CLIENT_CERTIFICATE") && message.contains(missing.toString()), message);
    }

    @Test
    void aCertificateWithoutItsKeyStopsTheStart() {
        String message = startupFailure(Map.of("graph.client-certificate",
                certificate.certificateOnlyPem().toString()));

        assertTrue(message.contains("GRAPH_CLIENT_CERTIFICATE") && message.contains("private key"), message);
    }

    /** The messages of the exception that stopped the context and of its causes. */
    private static String startupFailure(Map<String, Object> certificateProperties) {
        Throwable failure = assertThrows(Throwable.class, () -> ApplicationContext.builder()
                .properties(Map.of("graph.client-id", "app", "graph.token-url", "http://127.0.0.1:9/token"))
                .properties(certificateProperties)
                .start()
                .close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
