package com.mfadesk.intake.imap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.mfadesk.common.graph.GraphConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

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
 * Client-credentials tokens for IMAP XOAUTH2 with Exchange Online, from the same app registration and token endpoint
 * as Graph's ({@code ClientCredentialsTokenSource}) but for Exchange's scope ({@code imap.oauth-scope}): a Graph token
 * is not accepted by outlook.office365.com. Cached until shortly before it expires, since every reconnect needs one.
 */
@Singleton
@Requires(property = "imap.host", pattern = ImapConfiguration.HOST_IS_SET)
class ExchangeOnlineTokenSource {

    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

    private final GraphConfiguration graph;
    private final ImapConfiguration imap;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String token;
    private Instant renewAt = Instant.MIN;

    ExchangeOnlineTokenSource(GraphConfiguration graph, ImapConfiguration imap, ObjectMapper objectMapper,
                              Clock clock) {
        this.graph = graph;
        this.imap = imap;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    synchronized String currentToken() throws IOException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** The server refused {@code rejected}: fetch a new one next time. */
    synchronized void reject(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() throws IOException {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(graph.clientId())
                + "&client_secret=" + encode(graph.clientSecret())
                + "&scope=" + encode(imap.oauthScope());
        HttpRequest request = HttpRequest.newBuilder(URI.create(graph.effectiveTokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching an IMAP token", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode() + " for the IMAP scope");
        }
        TokenResponse body = objectMapper.readValue(response.body(), TokenResponse.class);
        if (body.accessToken() == null) {
            throw new IOException("token endpoint answered without access_token");
        }
        long lifetime = body.expiresIn() == null ? 3600 : body.expiresIn();
        token = body.accessToken();
        renewAt = clock.instant().plusSeconds(lifetime)
                .minus(Duration.ofSeconds(Math.min(EARLY_RENEWAL.toSeconds(), lifetime / 5)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    @Serdeable
    record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
                         @JsonProperty("expires_in") @Nullable Long expiresIn) {
    }
}
