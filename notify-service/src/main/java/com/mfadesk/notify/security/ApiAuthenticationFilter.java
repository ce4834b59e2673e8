package com.mfadesk.notify.security;

import com.mfadesk.common.web.Problems;
import com.mfadesk.common.web.InternalApiConfiguration;
import com.mfadesk.notify.helpdesk.HelpdeskUserRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything but /health needs a caller: the internal bearer token (service-to-service) or a help desk user by
 * HTTP Basic. /internal/** takes the token only. Verified Basic credentials are remembered briefly, keyed by a
 * digest, so the deliberately slow KDF runs once per agent rather than once per request.
 */
@ServerFilter({"/api/**", "/internal/**", "/helpdesk/**", "/helpdesk"})
public class ApiAuthenticationFilter {

    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final InternalApiConfiguration internalApi;
    private final HelpdeskUserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    public ApiAuthenticationFilter(InternalApiConfiguration internalApi, HelpdeskUserRepository users,
                                   PasswordHasher hasher, Clock clock) {
        this.internalApi = internalApi;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Caller caller = null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            caller = internalToken(authorization.substring(7));
        } else if (authorization != null && authorization.startsWith("Basic ")
                && !request.getPath().startsWith("/internal/")) {
            caller = helpdeskUser(authorization.substring(6));
        }
        if (caller == null) {
            return Problems.of(HttpStatus.UNAUTHORIZED, "missing or wrong credentials")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MFA Desk help desk\"");
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return null;
    }

    private Caller internalToken(String token) {
        if (!internalApi.isSet()) {
            return null;
        }
        return constantTimeEquals(token, internalApi.apiToken()) ? new Caller("internal", true) : null;
    }

    private Caller helpdeskUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String username = decoded.substring(0, colon);
        String key = digest(decoded);
        Instant now = clock.instant();
        Remembered remembered = verified.get(key);
        if (remembered != null && remembered.until().isAfter(now)) {
            return new Caller(username, false);
        }
        boolean ok = users.findById(username)
                .map(user -> hasher.matches(decoded.substring(colon + 1), user.passwordHash()))
                .orElse(false);
        if (!ok) {
            return null;
        }
        verified.put(key, new Remembered(now.plus(REMEMBER)));
        return new Caller(username, false);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(Instant until) {
    }
}
