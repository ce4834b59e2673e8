package com.mfadesk.common.graph;

import com.nimbusds.jose.util.X509CertUtils;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate of GRAPH_CLIENT_CERTIFICATE with its RSA private key, from a PEM file (the certificate and an
 * unencrypted PKCS#8 key) or a PKCS#12 file (GRAPH_CLIENT_CERTIFICATE_PASSWORD). Whatever keeps it from signing is
 * a {@link ConfigurationException} naming the variable, so a service refuses to start with it.
 */
record ClientCertificate(X509Certificate certificate, RSAPrivateKey privateKey) {

    private static final String VARIABLE = "GRAPH_CLIENT_CERTIFICATE";
    private static final String PASSWORD_VARIABLE = "GRAPH_CLIENT_CERTIFICATE_PASSWORD";
    // nimbus reads PEM keys only with BouncyCastle; one PKCS#8 block is base64 that the JDK decodes itself
    private static final Pattern PKCS8_KEY =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    static ClientCertificate read(Path file, @Nullable String password) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException(VARIABLE + ": cannot read " + file + " (" + e + ")");
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        return text.contains("-----BEGIN ") ? fromPem(file, text) : fromPkcs12(file, content, password);
    }

    private static ClientCertificate fromPem(Path file, String pem) {
        X509Certificate certificate = X509CertUtils.parse(pem);
        if (certificate == null) {
            throw new ConfigurationException(VARIABLE + ": " + file + " holds no readable PEM certificate");
        }
        Matcher key = PKCS8_KEY.matcher(pem);
        if (!key.find()) {
            throw new ConfigurationException(VARIABLE + ": " + file + " holds no private key (an unencrypted PKCS#8 "
                    + "'BEGIN PRIVATE KEY' block; a key with a password goes in a PKCS#12 file)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(key.group(1));
            return of(file, certificate, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException(VARIABLE + ": the private key in " + file + " is not an RSA key ("
                    + e.getMessage() + ")");
        }
    }

    private static ClientCertificate fromPkcs12(Path file, byte[] content, @Nullable String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), secret);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return of(file, store.getCertificate(alias), store.getKey(alias, secret));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            if (e instanceof UnrecoverableKeyException || e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigurationException(PASSWORD_VARIABLE + " does not open " + file
                        + " (" + VARIABLE + ")");
            }
            throw new ConfigurationException(VARIABLE + ": " + file + " is neither PEM nor a PKCS#12 file ("
                    + e + ")");
        }
        throw new ConfigurationException(VARIABLE + ": " + file + " holds no private key");
    }

    private static ClientCertificate of(Path file, Certificate certificate, Key key) {
        if (!(certificate instanceof X509Certificate x509) || !(x509.getPublicKey() instanceof RSAPublicKey publicKey)
                || !(key instanceof RSAPrivateKey privateKey)) {
            throw new ConfigurationException(VARIABLE + ": " + file + " must hold an X.509 certificate with an RSA "
                    + "key, as the app registration accepts");
        }
        if (!publicKey.getModulus().equals(privateKey.getModulus())) {
            throw new ConfigurationException(VARIABLE + ": the private key in " + file
                    + " does not belong to its certificate");
        }
        return new ClientCertificate(x509, privateKey);
    }
}
