package com.mfadesk.notify.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Server-side sessions in the database, so any notify instance serves any browser and a restart signs nobody out.
 * The cookie holds 256 random bits; the table holds only their SHA-256. Cookies are Secure, HttpOnly,
 * SameSite=Strict and scoped to /helpdesk.
 */
@Singleton
public class SessionStore {

    public static final String COOKIE = "MFADESK_SESSION";
    public static final String LOGIN_CSRF_COOKIE = "MFADESK_LOGIN_CSRF";
    static final String PATH = "/helpdesk";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final HelpdeskSessionRepository sessions;
    private final SessionConfiguration configuration;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(HelpdeskSessionRepository sessions, SessionConfiguration configuration, Clock clock) {
        this.sessions = sessions;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** A new session for a user who just proved their password; returns the cookie value (never stored). */
    public String open(String username) {
        String id = randomToken();
        Instant now = clock.instant();
        sessions.save(new HelpdeskSession(hash(id), username, randomToken(), now, now,
                now.plus(configuration.maxAge())));
        return id;
    }

    /** The CSRF token of the request's browser session; empty for API callers (Basic, bearer). */
    public static Optional<String> csrfTokenOf(HttpRequest<?> request) {
        return request.getAttribute(ApiAuthenticationFilter.SESSION_ATTRIBUTE, HelpdeskSession.class)
                .map(HelpdeskSession::csrfToken);
    }

    public Optional<HelpdeskSession> find(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(this::find);
    }

    Optional<HelpdeskSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        Optional<HelpdeskSession> found = sessions.findById(hash(cookieValue));
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return found;
        }
        HelpdeskSession session = found.get();
        if (!session.expiresAt().isAfter(now) || session.lastSeenAt().plus(configuration.idleTimeout()).isBefore(now)) {
            sessions.deleteById(session.idHash());
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            session = sessions.update(session.seenAt(now));
        }
        return Optional.of(session);
    }

    public void close(HttpRequest<?> request) {
        request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(value -> value.length() <= 100)
                .ifPresent(value -> sessions.deleteById(hash(value)));
    }

    public Cookie sessionCookie(String value) {
        return cookie(COOKIE, value).maxAge(configuration.maxAge());
    }

    public Cookie expiredSessionCookie() {
        return cookie(COOKIE, "").maxAge(0);
    }

    /** Before sign-in there is no session: the login form's CSRF token is double-submitted in this cookie. */
    public Cookie loginCsrfCookie(String token) {
        return cookie(LOGIN_CSRF_COOKIE, token).maxAge(Duration.ofMinutes(30));
    }

    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetExpired() {
        sessions.deleteByExpiresAtLessThan(clock.instant());
    }

    private Cookie cookie(String name, String value) {
        return Cookie.of(name, value).path(PATH).httpOnly(true).secure(configuration.secureCookie())
                .sameSite(SameSite.Strict);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
