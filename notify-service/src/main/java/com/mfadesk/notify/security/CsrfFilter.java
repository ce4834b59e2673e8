package com.mfadesk.notify.security;

import com.mfadesk.common.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery, refused with 403:
 * <ul>
 *   <li>every state-changing request of a browser session carries the session's synchronizer token, in the header
 *       {@code X-CSRF-Token} (checked here) or as the form field {@code _csrf}, which the form's controller hands to
 *       {@link #verify} before doing anything (the body is not read in a filter: Micronaut 4.10 cannot share it
 *       safely with the route). {@code HelpdeskCsrfCoverageTest} proves every POST route under /helpdesk does so;</li>
 *   <li>the login form (no session yet) double-submits a random token in a cookie and in the form;</li>
 *   <li>the UI changes nothing for callers without a session (Basic credentials a browser may have cached are
 *       sent cross-site too, cookies with SameSite=Strict are not);</li>
 *   <li>any state-changing request whose {@code Origin} is another site is refused, whatever its credentials.</li>
 * </ul>
 * API calls with Basic or the bearer token and no Origin header (scripts, services) pass as before.
 */
@ServerFilter({"/api/**", "/helpdesk/**", "/helpdesk"})
public class CsrfFilter implements Ordered {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String EXPECTED = "mfadesk.csrf.expected";
    private static final String VERIFIED = "mfadesk.csrf.verified";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request,
                                                   FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        if (SAFE.contains(request.getMethod())) {
            return chain.proceed();
        }
        if (!sameOriginOrNone(request)) {
            return refuse("cross-site request refused");
        }
        String path = request.getPath();
        boolean ui = path.equals("/helpdesk") || path.startsWith("/helpdesk/");
        if (!ui) {
            return chain.proceed();
        }
        String expected;
        if (path.equals(ApiAuthenticationFilter.LOGIN_PATH)) {
            expected = request.getCookies().findCookie(SessionStore.LOGIN_CSRF_COOKIE).map(Cookie::getValue)
                    .orElse(null);
        } else {
            expected = request.getAttribute(ApiAuthenticationFilter.SESSION_ATTRIBUTE, HelpdeskSession.class)
                    .map(HelpdeskSession::csrfToken).orElse(null);
        }
        if (expected == null || expected.isBlank()) {
            return refuse("sign in in the browser: forms need a session and its CSRF token");
        }
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            if (!matches(header, expected)) {
                return refuse("wrong CSRF token");
            }
            request.setAttribute(VERIFIED, Boolean.TRUE);
        }
        request.setAttribute(EXPECTED, expected);
        return chain.proceed();
    }

    /**
     * Called first by every form controller of the UI with the form's {@code _csrf} field: refuses (403) unless it
     * is the token this request must carry, or the header already carried it.
     */
    public static void verify(HttpRequest<?> request, @Nullable String formToken) {
        if (request.getAttribute(VERIFIED, Boolean.class).orElse(false)) {
            return;
        }
        String expected = request.getAttribute(EXPECTED, String.class).orElse(null);
        if (expected == null || !matches(formToken, expected)) {
            throw new ForbiddenException("missing or wrong CSRF token");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    private static boolean sameOriginOrNone(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        // with Referrer-Policy: no-referrer browsers send "Origin: null" on form posts; Sec-Fetch-Site then tells
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
            return fetchSite == null || fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean matches(Object given, String expected) {
        if (!(given instanceof String token) || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Publisher<MutableHttpResponse<?>> refuse(String detail) {
        return Mono.just(forbidden(detail));
    }

    private static MutableHttpResponse<?> forbidden(String detail) {
        return Problems.of(HttpStatus.FORBIDDEN, detail);
    }
}
