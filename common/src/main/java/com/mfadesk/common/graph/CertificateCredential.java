package com.mfadesk.common.graph;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The app proves itself with a JWT signed by its certificate's key (an RFC 7523 client assertion), as the Microsoft
 * identity platform documents certificate credentials: PS256, the certificate's SHA-256 thumbprint as
 * {@code x5t#S256}, the token endpoint as audience, the client id as issuer and subject. A new assertion for every
 * token request, valid for a few minutes: one that leaks is soon worthless.
 */
final class CertificateCredential implements AppCredential {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final GraphConfiguration configuration;
    private final ClientCertificate certificate;
    private final Clock clock;
    private final JWSHeader header;
    private final JWSSigner signer;

    CertificateCredential(GraphConfiguration configuration, ClientCertificate certificate, Clock clock) {
        this.configuration = configuration;
        this.certificate = certificate;
        this.clock = clock;
        this.header = new JWSHeader.Builder(JWSAlgorithm.PS256)
                .type(JOSEObjectType.JWT)
                .x509CertSHA256Thumbprint(X509CertUtils.computeSHA256Thumbprint(certificate.certificate()))
                .build();
        try {
            this.signer = new RSASSASigner(certificate.privateKey());
        } catch (IllegalArgumentException tooShort) {
            throw new ConfigurationException("GRAPH_CLIENT_CERTIFICATE: " + tooShort.getMessage());
        }
    }

    @Override
    public String formFields() {
        return ClientAssertion.formFields(configuration.clientId(), assertion());
    }

    @Override
    public Optional<CredentialExpiry> expiry() {
        return Optional.of(new CredentialExpiry(CredentialExpiry.Credential.CLIENT_CERTIFICATE,
                certificate.certificate().getNotAfter().toInstant()));
    }

    private String assertion() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(configuration.effectiveTokenUrl())
                .issuer(configuration.clientId())
                .subject(configuration.clientId())
                .jwtID(UUID.randomUUID().toString())
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new GraphException(0, "could not sign the client assertion: " + e.getMessage(), false);
        }
        return jwt.serialize();
    }
}
