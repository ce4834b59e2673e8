package com.mfadesk.notify.security;

import com.mfadesk.common.web.InternalApiConfiguration;
import com.mfadesk.common.web.Problems;
import com.mfadesk.notify.helpdesk.HelpdeskUser;
import com.mfadesk.notify.helpdesk.HelpdeskUserRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything but /health, the login page and the static assets needs a caller: the internal bearer token
 * (service-to-service), a help desk user by HTTP Basic (API and read-only pages), or a browser session (the help
 * desk UI under /helpdesk only). /internal/** takes the token only. Verified Basic credentials are remembered
 * briefly, keyed by a digest, so the deliberately slow KDF runs once per agent rather than once per request.
 * An anonymous browser asking for a page is sent to the login form; everything else anonymous gets 401.
 */
@ServerFilter({"/api/**", "/internal/**", "/helpdesk/**", "/helpdesk"})
public class ApiAuthenticationFilter implements Ordered {

    static final String SESSION_ATTRIBUTE = "mfadesk.session";
    static final String LOGIN_PATH = "/helpdesk/login";
    private static final Set<String> ANONYMOUS_PATHS = Set.of(LOGIN_PATH);
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final InternalApiConfiguration internalApi;
    private final HelpdeskUserRepository users;
    private final PasswordCheck passwords;
    private final SessionStore sessions;
    private final Clock clock;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    public ApiAuthenticationFilter(InternalApiConfiguration internalApi, HelpdeskUserRepository users,
                                   PasswordCheck passwords, SessionStore sessions, Clock clock) {
        this.internalApi = internalApi;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        boolean ui = path.equals("/helpdesk") || path.startsWith("/helpdesk/");
        if (ANONYMOUS_PATHS.contains(path)) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Caller caller = null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            caller = internalToken(authorization.substring(7));
        } else if (authorization != null && authorization.startsWith("Basic ") && !path.startsWith("/internal/")) {
            try {
                caller = helpdeskUser(authorization.substring(6), clientAddress(request));
            } catch (LoginLockedException e) {
                return Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage())
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            }
        } else if (authorization == null && ui) {
            caller = sessionUser(request);
        }
        if (caller == null) {
            if (ui && request.getMethod() == HttpMethod.GET && !path.endsWith(".json")) {
                return HttpResponse.seeOther(URI.create(LOGIN_PATH));
            }
            return Problems.of(HttpStatus.UNAUTHORIZED, "missing or wrong credentials")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MFA Desk help desk\"");
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    private Caller sessionUser(HttpRequest<?> request) {
        Optional<HelpdeskSession> session = sessions.find(request);
        if (session.isEmpty()) {
            return null;
        }
        Optional<HelpdeskUser> user = users.findById(session.get().username());
        if (user.isEmpty()) {
            return null;
        }
        request.setAttribute(SESSION_ATTRIBUTE, session.get());
        return new Caller(user.get().username(), false, user.get().role());
    }

    private Caller internalToken(String token) {
        if (!internalApi.isSet()) {
            return null;
        }
        return constantTimeEquals(token, internalApi.apiToken()) ? new Caller("internal", true) : null;
    }

    /** The peer's address; a proxy in front would need its X-Forwarded-For trusted explicitly, which is not done. */
    static String clientAddress(HttpRequest<?> request) {
        var remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private Caller helpdeskUser(String encoded, String clientAddress) {
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
            return new Caller(username, false, remembered.role());
        }
        Optional<HelpdeskUser> user = passwords.check(username, decoded.substring(colon + 1), clientAddress);
        if (user.isEmpty()) {
            return null;
        }
        verified.put(key, new Remembered(now.plus(REMEMBER), user.get().role()));
        return new Caller(username, false, user.get().role());
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

    private record Remembered(Instant until, String role) {
    }
}
