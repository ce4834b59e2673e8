package com.mfadesk.common.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth2 access tokens, cached until shortly before they expire. A token that the resource refused (401) is dropped
 * so the next call fetches a new one. Where a token comes from is the subclass's: the app's own from
 * {@link AppIdentity} (a grant at the token endpoint, or the platform's managed identity), a delegated account's
 * from a refresh grant at the {@link TokenEndpoint}.
 */
public abstract class OAuthTokens implements AccessTokens {

    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);
    private static final long LIFETIME_IF_UNSAID = 3600;

    private final Clock clock;

    private String token;
    private Instant renewAt = Instant.MIN;
    private TokenFailure lastFailure;

    protected OAuthTokens(Clock clock) {
        this.clock = clock;
    }

    /** Asks for a new token; a {@link GraphException} says why none came and whether trying again can help. */
    protected abstract TokenResponse requestToken();

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
    public synchronized Optional<TokenFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** The resource answered 401 to {@code rejected}: forget it unless another thread has already replaced it. */
    @Override
    public synchronized void reject(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        TokenResponse response = requestToken();
        long lifetime = response.expiresIn() == null ? LIFETIME_IF_UNSAID : Math.max(0, response.expiresIn());
        Duration early = Duration.ofSeconds(Math.min(EARLY_RENEWAL.toSeconds(), lifetime / 5));
        token = response.accessToken();
        renewAt = clock.instant().plusSeconds(lifetime).minus(early);
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** @param consecutive how many token requests in a row have failed */
    public record TokenFailure(String message, boolean transientFailure, int consecutive, Instant at) {
    }

    /** A token as the token endpoint answers it; {@code accessToken} is never null once a request has returned. */
    @Serdeable
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("expires_in") Long expiresIn,
                                @JsonProperty("refresh_token") String refreshToken) {
    }
}
