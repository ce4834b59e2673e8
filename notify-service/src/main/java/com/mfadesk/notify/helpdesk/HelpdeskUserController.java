package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** Help desk accounts over the API (HTTP Basic): ADMIN only; the password hash never leaves the service. */
@Controller("/api/v1/helpdesk/users")
public class HelpdeskUserController {

    private final HelpdeskUsers users;

    public HelpdeskUserController(HelpdeskUsers users) {
        this.users = users;
    }

    @Get
    public List<UserView> list(HttpRequest<?> request) {
        Caller.of(request).requireAdmin();
        return users.all().stream().map(UserView::of).toList();
    }

    @Post
    public HttpResponse<UserView> add(@Body NewUser body, HttpRequest<?> request) {
        return HttpResponse.created(UserView.of(users.add(Caller.of(request), body.username(), body.password(),
                body.role())));
    }

    @Serdeable
    public record NewUser(@Nullable String username, @Nullable String password, @Nullable String role) {
    }

    @Serdeable
    public record UserView(String username, String role, Instant createdAt) {
        static UserView of(HelpdeskUser user) {
            return new UserView(user.username(), user.role(), user.createdAt());
        }
    }
}
