package com.mfadesk.notify.security;

import com.mfadesk.notify.web.PageRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Sign-in and sign-out of the help desk UI. A successful sign-in always starts a new session (no fixation);
 * a failed one says only that it failed.
 */
@Controller("/helpdesk")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginPage {

    private static final Logger LOG = LoggerFactory.getLogger(LoginPage.class);

    private final PasswordCheck passwords;
    private final SessionStore sessions;
    private final PageRenderer pages;

    public LoginPage(PasswordCheck passwords, SessionStore sessions, PageRenderer pages) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.pages = pages;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> form(HttpRequest<?> request) {
        return loginForm(request, HttpStatus.OK, null, null);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> login(HttpRequest<?> request, @Body("_csrf") @Nullable String csrf,
                                 @Body("username") @Nullable String username,
                                 @Body("password") @Nullable String password) {
        CsrfFilter.verify(request, csrf);
        try {
            return passwords.check(username, password, ApiAuthenticationFilter.clientAddress(request))
                    .<HttpResponse<?>>map(user -> {
                        LOG.info("help desk user {} signed in", user.username());
                        return HttpResponse.seeOther(URI.create("/helpdesk"))
                                .cookie(sessions.sessionCookie(sessions.open(user.username())));
                    })
                    .orElseGet(() -> loginForm(request, HttpStatus.UNAUTHORIZED, username, "Wrong username or password."));
        } catch (LoginLockedException e) {
            return loginForm(request, HttpStatus.TOO_MANY_REQUESTS, username, "Too many failed sign-ins. Try again in "
                    + e.retryAfterSeconds() + " seconds.")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(HttpRequest<?> request, @Body("_csrf") @Nullable String csrf) {
        CsrfFilter.verify(request, csrf);
        sessions.close(request);
        return HttpResponse.seeOther(URI.create(ApiAuthenticationFilter.LOGIN_PATH))
                .cookie(sessions.expiredSessionCookie());
    }

    private MutableHttpResponse<?> loginForm(HttpRequest<?> request, HttpStatus status, @Nullable String username, @Nullable String error) {
        String token = sessions.randomToken();
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", token);
        model.put("username", username == null ? "" : username);
        model.put("error", error);
        return pages.page(status, "login", model, request).cookie(sessions.loginCsrfCookie(token));
    }
}
