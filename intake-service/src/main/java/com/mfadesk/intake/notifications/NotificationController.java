package com.mfadesk.intake.notifications;

import com.mfadesk.vocabulary.Channel;
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
 * Graph's change notifications for Teams posts and for the support mailbox, each URL also its subscriptions'
 * lifecycle URL. Answers the subscription handshake; otherwise stores what arrived and answers 202 at once, well
 * inside Graph's 3 seconds, the work following later.
 */
@Controller("/api/v1")
public class NotificationController {

    private final NotificationInbox inbox;

    public NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @Post("/teams/notifications")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<?> teams(@QueryValue @Nullable String validationToken, @Body @Nullable byte[] body) {
        return receive(Channel.TEAMS, validationToken, body);
    }

    @Post("/mail/notifications")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<?> mail(@QueryValue @Nullable String validationToken, @Body @Nullable byte[] body) {
        return receive(Channel.EMAIL, validationToken, body);
    }

    private HttpResponse<?> receive(Channel source, String validationToken, byte[] body) {
        if (validationToken != null) {
            // header name spelled out: some clients (the acceptance harness among them) read it case-sensitively
            return HttpResponse.ok(validationToken).header("Content-Type", "text/plain; charset=utf-8");
        }
        inbox.accept(source, body);
        return HttpResponse.accepted();
    }
}
