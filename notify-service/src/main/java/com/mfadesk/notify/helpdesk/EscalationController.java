package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.graph.AccountRecovery;
import com.mfadesk.notify.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The escalation lifecycle for the help desk; every action is audited with who and when. */
@Controller("/api/v1/escalations")
public class EscalationController {

    private final EscalationDesk desk;
    private final TemporaryAccessPasses passes;

    public EscalationController(EscalationDesk desk, TemporaryAccessPasses passes) {
        this.desk = desk;
        this.passes = passes;
    }

    @Get
    public List<EscalationView> list(@QueryValue @Nullable String status) {
        return desk.list(status).stream().map(EscalationView::summary).toList();
    }

    @Get("/{ref}")
    public EscalationView get(String ref) {
        Escalation escalation = desk.get(ref);
        return EscalationView.detail(escalation, escalation.messageText(), desk.auditOf(ref));
    }

    @Post("/{ref}/claim")
    public EscalationView claim(String ref, @Body @Nullable ClaimRequest body, HttpRequest<?> request) {
        return EscalationView.summary(desk.claim(ref, Caller.of(request).name(),
                body != null && Boolean.TRUE.equals(body.takeOver())));
    }

    @Post("/{ref}/resolve")
    public EscalationView resolve(String ref, @Body @Nullable ResolveRequest body, HttpRequest<?> request) {
        return EscalationView.summary(desk.resolve(ref, Caller.of(request).name(), body == null ? null : body.note(),
                body == null ? null : body.message()));
    }

    @Post("/{ref}/notes")
    public HttpResponse<AuditEntry> addNote(String ref, @Body NoteRequest body, HttpRequest<?> request) {
        return HttpResponse.created(desk.addNote(ref, Caller.of(request).name(), body.text()));
    }

    @Post("/{ref}/temporary-access-pass")
    public HttpResponse<PassView> temporaryAccessPass(String ref, @Body PassRequest body, HttpRequest<?> request) {
        int lifetime = body.lifetimeMinutes() == null ? 60 : body.lifetimeMinutes();
        AccountRecovery.IssuedPass pass = passes.issue(ref, Caller.of(request).name(),
                Boolean.TRUE.equals(body.identityVerified()), lifetime, Boolean.TRUE.equals(body.replace()));
        return HttpResponse.created(new PassView(pass.temporaryAccessPass(), pass.lifetimeMinutes(),
                pass.expiresAt().toString()));
    }

    @Post("/{ref}/revoke-sessions")
    public HttpResponse<?> revokeSessions(String ref, HttpRequest<?> request) {
        desk.revokeSessions(ref, Caller.of(request).name());
        return HttpResponse.ok(java.util.Map.of("ref", ref, "revoked", true));
    }

    /** {@code takeOver}: claim an escalation another agent has claimed (audited). */
    @Serdeable
    public record ClaimRequest(@Nullable Boolean takeOver) {
    }

    @Serdeable
    public record ResolveRequest(@Nullable String note, @Nullable String message) {
    }

    @Serdeable
    public record NoteRequest(@Nullable String text) {
    }

    @Serdeable
    public record PassRequest(@Nullable Integer lifetimeMinutes, @Nullable Boolean identityVerified,
                              @Nullable Boolean replace) {
    }

    @Serdeable
    public record PassView(String temporaryAccessPass, int lifetimeMinutes, String expiresAt) {
    }
}
