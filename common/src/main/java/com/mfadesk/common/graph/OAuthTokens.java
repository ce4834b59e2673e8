package com.mfadesk.common.graph;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth2 access tokens from the token endpoint of the app registration (GRAPH_TOKEN_URL), cached until shortly
 * before they expire. A token that the resource refused (401) is dropped so the next call fetches a new one. The
 * grant is the subclass's; every request carries the app's credential. Plain JDK HTTP: azure-identity and MSAL
 * refuse the http:// token URL of a loopback stand-in.
 */
public abstract class OAuthTokens implements AccessTokens {

    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

    private final GraphConfiguration configuration;
    private final AppCredential credential;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String token;
    private Instant renewAt = Instant.MIN;
    private TokenFailure lastFailure;

    protected OAuthTokens(GraphConfiguration configuration, AppCredential credential, ObjectMapper objectMapper,
                          Clock clock) {
        this.configuration = configuration;
        this.credential = credential;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The grant type and its parameters, form-encoded; the app's credential is added to them. */
    protected abstract String grantForm();

    /** Called with every token response, e.g. to keep a rotated refresh token. */
    protected void tokenIssued(TokenResponse response) {
    }

    @Override
    public synchronized String currentToken() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            try {
                fetch();
                lastFailure = null;
            } catch (GraphException e) {
                lastFailure = new TokenFailure(e.getMessage(), e.isTransient(),
                        lastFailure == null ? 1 : lastFailure.consecutive() + 1, clock.instant());
                throw e;
            }
        }
        return token;
    }

    /** The last failed token request, while no token has been obtained since; empty when all is well. */
    public synchronized java.util.Optional<TokenFailure> lastFailure() {
        return java.util.Optional.ofNullable(lastFailure);
    }

    /** The resource answered 401 to {@code rejected}: forget it unless another thread has already replaced it. */
    @Override
    public synchronized void reject(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        String form = grantForm() + "&" + credential.formFields();
        HttpRequest request = HttpRequest.newBuilder(URI.create(configuration.effectiveTokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new GraphException(response.statusCode(),
                        "token endpoint answered " + response.statusCode(), response.statusCode() >= 500);
            }
            TokenResponse body = objectMapper.readValue(response.body(), TokenResponse.class);
            if (body.accessToken() == null) {
                throw new GraphException(502, "token endpoint answered without access_token", true);
            }
            tokenIssued(body);
            long lifetime = body.expiresIn() == null ? 3600 : body.expiresIn();
            Duration early = Duration.ofSeconds(Math.min(EARLY_RENEWAL.toSeconds(), lifetime / 5));
            token = body.accessToken();
            renewAt = clock.instant().plusSeconds(lifetime).minus(early);
        } catch (IOException e) {
            throw new GraphException(0, "token endpoint unreachable: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "interrupted while fetching a token", true);
        }
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** @param consecutive how many token requests in a row have failed */
    public record TokenFailure(String message, boolean transientFailure, int consecutive, Instant at) {
    }

    @Serdeable
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("expires_in") Long expiresIn,
                                @JsonProperty("refresh_token") String refreshToken) {
    }
}
