package com.mfadesk.intake.teams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

/**
 * Graph's change notifications (and lifecycle notifications: the same URL). Answers the subscription handshake;
 * otherwise stores what arrived and answers 202 at once, well inside Graph's 3 seconds, the work following later.
 */
@Controller("/api/v1/teams/notifications")
public class TeamsNotificationController {

    private final TeamsNotificationInbox inbox;

    public TeamsNotificationController(TeamsNotificationInbox inbox) {
        this.inbox = inbox;
    }

    @Post
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<?> receive(@QueryValue @Nullable String validationToken, @Body @Nullable byte[] body) {
        if (validationToken != null) {
            // header name spelled out: some clients (the acceptance harness among them) read it case-sensitively
            return HttpResponse.ok(validationToken).header("Content-Type", "text/plain; charset=utf-8");
        }
        inbox.accept(body);
        return HttpResponse.accepted();
    }
}
