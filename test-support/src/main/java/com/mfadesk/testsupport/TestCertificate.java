package com.mfadesk.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed RSA certificate with its private key, made by the JDK's keytool (the JDK cannot make one through
 * its API), written as a PKCS#12 file and as one PEM file (certificate, then the PKCS#8 key): the two forms
 * GRAPH_CLIENT_CERTIFICATE reads.
 */
public record TestCertificate(Path pkcs12, String password, Path pem, X509Certificate certificate) {

    private static final String ALIAS = "app";

    /** Valid from now for {@code days}. */
    public static TestCertificate validFor(Path directory, int days) {
        return create(directory, "+0d", days);
    }

    /** Valid for a day that ended a week ago. */
    public static TestCertificate expired(Path directory) {
        return create(directory, "-8d", 1);
    }

    private static TestCertificate create(Path directory, String start, int days) {
        String password = "test-password";
        try {
            Files.createDirectories(directory);
            Path pkcs12 = directory.resolve("app.p12");
            Files.deleteIfExists(pkcs12); // keytool adds to a keystore that exists, e.g. from an earlier run
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                    "-dname", "CN=mfadesk-test", "-startdate", start, "-validity", Integer.toString(days),
                    "-storetype", "PKCS12", "-keystore", pkcs12.toString(),
                    "-storepass", password, "-keypass", password);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(pkcs12)) {
                store.load(in, password.toCharArray());
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password.toCharArray());
            Path pem = directory.resolve("app.pem");
            Files.writeString(pem, pem("CERTIFICATE", certificate.getEncoded()) + pem("PRIVATE KEY", key.getEncoded()));
            return new TestCertificate(pkcs12, password, pem, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make a test certificate", e);
        }
    }

    /** The same certificate without its key, as a PEM file. */
    public Path certificateOnlyPem() {
        try {
            Path file = pem.resolveSibling("certificate-only.pem");
            Files.writeString(file, pem("CERTIFICATE", certificate.getEncoded()));
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
