package com.mfadesk.notify.helpdesk.web;

import com.mfadesk.notify.helpdesk.EscalationConflictException;
import com.mfadesk.notify.helpdesk.HelpdeskUsers;
import com.mfadesk.notify.security.Caller;
import com.mfadesk.notify.security.CsrfFilter;
import com.mfadesk.notify.web.PageRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;

/** The help desk's accounts: an ADMIN sees and adds them; an AGENT gets 403. */
@Controller("/helpdesk")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsersPage {

    private final HelpdeskUsers users;
    private final PageRenderer pages;

    public UsersPage(HelpdeskUsers users, PageRenderer pages) {
        this.users = users;
        this.pages = pages;
    }

    @Get(value = "/users", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request) {
        Caller.of(request).requireAdmin();
        return page(request, HttpStatus.OK, null, null);
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> add(HttpRequest<?> request, @Body("_csrf") @Nullable String csrf,
                               @Body("username") @Nullable String username,
                               @Body("password") @Nullable String password, @Body("role") @Nullable String role) {
        CsrfFilter.verify(request, csrf);
        Caller caller = Caller.of(request).requireAdmin();
        try {
            users.add(caller, username, password, role);
            return page(request, HttpStatus.CREATED, null, "Added " + username + " (" + role + ").");
        } catch (IllegalArgumentException e) {
            return page(request, HttpStatus.BAD_REQUEST, e.getMessage(), null);
        } catch (EscalationConflictException e) {
            return page(request, HttpStatus.CONFLICT, e.getMessage(), null);
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, HttpStatus status, @Nullable String error,
                                 @Nullable String done) {
        Map<String, Object> model = PageModel.of(request, "users");
        model.put("users", users.all());
        model.put("error", error);
        model.put("done", done);
        return pages.page(status, "users", model, request);
    }
}
