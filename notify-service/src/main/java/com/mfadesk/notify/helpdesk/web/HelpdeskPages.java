package com.mfadesk.notify.helpdesk.web;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.notify.cases.EscalationReason;
import com.mfadesk.notify.cases.SupportCase;
import com.mfadesk.notify.cases.SupportCaseRepository;
import com.mfadesk.notify.graph.AccountRecovery;
import com.mfadesk.notify.helpdesk.Escalation;
import com.mfadesk.notify.helpdesk.EscalationConflictException;
import com.mfadesk.notify.helpdesk.EscalationDesk;
import com.mfadesk.notify.helpdesk.TemporaryAccessPasses;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The help desk UI: the queue (with its JSON for the live refresh) and the escalation page with its actions.
 * Every action is a form POST with the session's CSRF token (checked by the CSRF filter), answered with a
 * redirect back to the page, except the Temporary Access Pass, which is shown once in the answer itself.
 */
@Controller("/helpdesk")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HelpdeskPages {

    static final List<String> REASONS = List.of(EscalationReason.UNVERIFIED_SENDER, EscalationReason.LOST_DEVICE,
            EscalationReason.NO_ALTERNATE_METHOD, EscalationReason.FIX_FAILED, EscalationReason.NO_DOCUMENTED_FIX,
            EscalationReason.OUT_OF_SCOPE);
    /** The reasons as people read them: the pages show these, the filters send the constants. */
    static final Map<String, String> REASON_LABELS = REASONS.stream()
            .collect(java.util.stream.Collectors.toMap(r -> r, EscalationReason::label));
    /** The queue's scenario filter: every scenario an escalation can have. */
    static final List<String> SCENARIOS = Arrays.stream(Scenario.values()).filter(s -> s != Scenario.NOT_SUPPORT)
            .map(Scenario::id).toList();

    private static final Map<String, String> DONE = Map.of(
            "claimed", "You claimed this escalation.",
            "noted", "Note added to the audit trail.",
            "resolved", "Resolved. A message to the user, if you wrote one, is on its way through the outbox.",
            "revoked", "The user's sign-in sessions were revoked.");

    private final EscalationDesk desk;
    private final TemporaryAccessPasses passes;
    private final PageRenderer pages;
    private final SupportCaseRepository cases;
    private final HelpdeskUsers users;
    private final Thread thread;
    private final Clock clock;

    public HelpdeskPages(EscalationDesk desk, TemporaryAccessPasses passes, SupportCaseRepository cases,
                         HelpdeskUsers users, Thread thread, PageRenderer pages, Clock clock) {
        this.desk = desk;
        this.passes = passes;
        this.pages = pages;
        this.cases = cases;
        this.users = users;
        this.thread = thread;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> queue(HttpRequest<?> request, @QueryValue @Nullable String status,
                                 @QueryValue @Nullable String reason, @QueryValue @Nullable String scenario,
                                 @QueryValue @Nullable String assignee) {
        QueueFilter filter = QueueFilter.of(status, reason, scenario, assignee);
        Map<String, Object> model = PageModel.of(request, "queue");
        model.put("rows", rows(filter));
        model.put("filter", filter);
        model.put("refreshUrl", "/helpdesk/queue.json?" + filter.query());
        model.put("statuses", QueueFilter.STATUSES);
        model.put("reasons", REASONS);
        model.put("reasonLabels", REASON_LABELS);
        model.put("scenarios", SCENARIOS);
        model.put("assignees", users.all().stream().map(u -> u.username()).toList());
        return pages.page(HttpStatus.OK, "queue", model, request);
    }

    @Get(value = "/queue.json", produces = MediaType.APPLICATION_JSON)
    public List<QueueRow> queueJson(@QueryValue @Nullable String status, @QueryValue @Nullable String reason,
                                    @QueryValue @Nullable String scenario, @QueryValue @Nullable String assignee) {
        return rows(QueueFilter.of(status, reason, scenario, assignee));
    }

    @Get(value = "/escalations/{ref}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> escalation(String ref, HttpRequest<?> request, @QueryValue @Nullable String done) {
        return page(ref, request, HttpStatus.OK, null, done, null);
    }

    @Post(value = "/escalations/{ref}/claim", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> claim(String ref, HttpRequest<?> request, @Body("_csrf") @Nullable String csrf,
                                 @Body("takeOver") @Nullable String takeOver) {
        CsrfFilter.verify(request, csrf);
        return act(ref, request, "claimed", () -> desk.claim(ref, Caller.of(request).name(), "true".equals(takeOver)));
    }

    @Post(value = "/escalations/{ref}/note", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> note(String ref, HttpRequest<?> request, @Body("_csrf") @Nullable String csrf,
                                @Body("text") @Nullable String text) {
        CsrfFilter.verify(request, csrf);
        return act(ref, request, "noted", () -> desk.addNote(ref, Caller.of(request).name(), text));
    }

    @Post(value = "/escalations/{ref}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resolve(String ref, HttpRequest<?> request, @Body("_csrf") @Nullable String csrf,
                                   @Body("note") @Nullable String note, @Body("message") @Nullable String message) {
        CsrfFilter.verify(request, csrf);
        return act(ref, request, "resolved", () -> desk.resolve(ref, Caller.of(request).name(), note, message));
    }

    @Post(value = "/escalations/{ref}/revoke-sessions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revokeSessions(String ref, HttpRequest<?> request, @Body("_csrf") @Nullable String csrf) {
        CsrfFilter.verify(request, csrf);
        return act(ref, request, "revoked", () -> {
            desk.revokeSessions(ref, Caller.of(request).name());
            return null;
        });
    }

    /** The pass is in this answer and nowhere else: not in a redirect, not in the database, not in a log. */
    @Post(value = "/escalations/{ref}/temporary-access-pass", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> temporaryAccessPass(String ref, HttpRequest<?> request, @Body("_csrf") @Nullable String csrf,
                                               @Body("identityVerified") @Nullable String identityVerified,
                                               @Body("lifetimeMinutes") @Nullable String lifetimeMinutes,
                                               @Body("replace") @Nullable String replace) {
        CsrfFilter.verify(request, csrf);
        try {
            int lifetime = lifetimeMinutes == null || lifetimeMinutes.isBlank() ? 60
                    : Integer.parseInt(lifetimeMinutes.strip());
            AccountRecovery.IssuedPass pass = passes.issue(ref, Caller.of(request).name(),
                    "true".equals(identityVerified), lifetime, "true".equals(replace));
            return page(ref, request, HttpStatus.OK, null, null, pass);
        } catch (EscalationConflictException e) {
            return page(ref, request, HttpStatus.CONFLICT, e.getMessage(), null, null);
        } catch (IllegalArgumentException e) {
            return page(ref, request, HttpStatus.BAD_REQUEST, "lifetimeMinutes must be a number from 10 to 43200",
                    null, null);
        } catch (GraphException e) {
            return page(ref, request, HttpStatus.BAD_GATEWAY, "Graph refused: " + e.getMessage(), null, null);
        }
    }

    private HttpResponse<?> act(String ref, HttpRequest<?> request, String done, Supplier<?> action) {
        try {
            action.get();
            return HttpResponse.seeOther(URI.create("/helpdesk/escalations/" + desk.get(ref).ref() + "?done=" + done));
        } catch (EscalationConflictException e) {
            return page(ref, request, HttpStatus.CONFLICT, e.getMessage(), null, null);
        } catch (IllegalArgumentException e) {
            return page(ref, request, HttpStatus.BAD_REQUEST, e.getMessage(), null, null);
        } catch (GraphException e) {
            return page(ref, request, HttpStatus.BAD_GATEWAY, "Graph refused: " + e.getMessage(), null, null);
        }
    }

    private HttpResponse<?> page(String ref, HttpRequest<?> request, HttpStatus status, @Nullable String error,
                                 @Nullable String done, @Nullable AccountRecovery.IssuedPass pass) {
        Escalation escalation = desk.get(ref);
        SupportCase supportCase = cases.findById(escalation.caseId()).orElse(null);
        Instant now = clock.instant();
        Map<String, Object> model = PageModel.of(request, "escalation");
        model.put("e", escalation);
        model.put("issuedPass", passes.issuedFor(escalation).map(TemporaryAccessPasses::describe).orElse(null));
        model.put("reasonLabel", EscalationReason.label(escalation.reason()));
        model.put("reasonLabels", REASON_LABELS);
        model.put("age", PageModel.age(escalation.createdAt(), now));
        model.put("supportCase", supportCase);
        model.put("confidence", supportCase == null ? null : String.format("%.2f", supportCase.confidence()));
        model.put("methods", escalation.methodsSeen() == null ? List.of()
                : Arrays.stream(escalation.methodsSeen().split(";\\s*")).filter(m -> !m.isBlank()).toList());
        model.put("thread", supportCase == null ? List.of() : thread.of(supportCase.id(), supportCase.threadCaseId()));
        model.put("audit", desk.auditOf(escalation.ref()));
        model.put("resolved", Escalation.RESOLVED.equals(escalation.status()));
        model.put("error", error);
        model.put("done", done == null ? null : DONE.get(done));
        model.put("pass", pass);
        return pages.page(status, "escalation", model, request);
    }

    private List<QueueRow> rows(QueueFilter filter) {
        Instant now = clock.instant();
        return desk.list(null).stream().filter(filter.predicate()).map(e -> QueueRow.of(e, now)).toList();
    }
}
