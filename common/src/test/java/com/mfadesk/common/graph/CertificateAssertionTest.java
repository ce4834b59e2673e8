package com.mfadesk.common.graph;

import com.mfadesk.testsupport.TestCertificate;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With GRAPH_CLIENT_CERTIFICATE the app proves itself with a signed JWT instead of its secret, as the Microsoft
 * identity platform documents for certificate credentials (RFC 7523 client assertion; PS256, x5t#S256).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateAssertionTest {

    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    private final TokenEndpointStub tokenEndpoint = new TokenEndpointStub();
    private TestCertificate certificate;

    @BeforeAll
    void makeCertificate(@TempDir Path directory) {
        certificate = TestCertificate.validFor(directory, 30);
    }

    @BeforeEach
    void forgetRequests() {
        tokenEndpoint.reset();
    }

    @AfterAll
    void stop() {
        tokenEndpoint.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs12", "pem"})
    void theTokenRequestCarriesAnAssertionSignedWithTheCertificateAndNoSecret(String format) throws Exception {
        Instant before = Instant.now();
        try (ApplicationContext context = ApplicationContext.run(properties(format))) {
            assertEquals("app-token", context.getBean(ClientCredentialsTokenSource.class).currentToken());
        }

        Map<String, String> form = tokenEndpoint.forms().get(0);
        assertFalse(form.containsKey("client_secret"), form.toString());
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals(CLIENT_ID, form.get("client_id"));
        assertEquals("https://graph.microsoft.com/.default", form.get("scope"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));

        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        assertTrue(assertion.verify(new RSASSAVerifier((RSAPublicKey) certificate.certificate().getPublicKey())),
                "signed with the certificate's key");
        assertEquals(JWSAlgorithm.PS256, assertion.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, assertion.getHeader().getType());
        assertEquals(sha256Thumbprint(), assertion.getHeader().getX509CertSHA256Thumbprint().toString());

        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertEquals(List.of(tokenEndpoint.url()), claims.getAudience());
        assertEquals(CLIENT_ID, claims.getIssuer());
        assertEquals(CLIENT_ID, claims.getSubject());
        assertFalse(claims.getJWTID() == null || claims.getJWTID().isBlank(), "jti");
        Instant notBefore = claims.getNotBeforeTime().toInstant();
        assertFalse(notBefore.isBefore(before.minusSeconds(1)) || notBefore.isAfter(Instant.now()), "nbf is now");
        assertEquals(notBefore, claims.getIssueTime().toInstant());
        Duration lifetime = Duration.between(notBefore, claims.getExpirationTime().toInstant());
        assertTrue(lifetime.compareTo(Duration.ofMinutes(1)) >= 0 && lifetime.compareTo(Duration.ofMinutes(10)) <= 0,
                "a few minutes: " + lifetime);
    }

    @Test
    void everyTokenRequestHasAFreshAssertion() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(properties("pkcs12"))) {
            ClientCredentialsTokenSource tokens = context.getBean(ClientCredentialsTokenSource.class);
            tokens.reject(tokens.currentToken());
            tokens.currentToken();
        }

        List<Map<String, String>> forms = tokenEndpoint.forms();
        assertEquals(2, forms.size());
        assertNotEquals(jti(forms.get(0)), jti(forms.get(1)));
    }

    private Map<String, Object> properties(String format) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("graph.token-url", tokenEndpoint.url());
        properties.put("graph.client-id", CLIENT_ID);
        // a secret left over from before: the certificate replaces it
        properties.put("graph.client-secret", "old-secret");
        if (format.equals("pem")) {
            properties.put("graph.client-certificate", certificate.pem().toString());
        } else {
            properties.put("graph.client-certificate", certificate.pkcs12().toString());
            properties.put("graph.client-certificate-password", certificate.password());
        }
        return properties;
    }

    private String sha256Thumbprint() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String jti(Map<String, String> form) throws Exception {
        return SignedJWT.parse(form.get("client_assertion")).getJWTClaimsSet().getJWTID();
    }
}
