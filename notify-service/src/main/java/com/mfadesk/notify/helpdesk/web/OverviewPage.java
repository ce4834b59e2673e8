package com.mfadesk.notify.helpdesk.web;

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

import java.net.URI;
import java.util.List;
import java.util.Map;

/** How the desk is doing, and the outbox's dead letters with a retry button each. */
@Controller("/helpdesk")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewPage {

    private final Overview overview;
    private final PageRenderer pages;

    public OverviewPage(Overview overview, PageRenderer pages) {
        this.overview = overview;
        this.pages = pages;
    }

    @Get(value = "/overview", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> overview(HttpRequest<?> request) {
        Map<String, Object> model = PageModel.of(request, "overview");
        Overview.Figures figures = overview.figures();
        model.put("figures", figures);
        model.put("periods", List.of(new Labelled("Today (UTC)", figures.today()),
                new Labelled("Last 7 days", figures.week())));
        model.put("actions", Overview.ACTIONS);
        return pages.page(HttpStatus.OK, "overview", model, request);
    }

    @Post(value = "/outbox/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> retry(long id, HttpRequest<?> request, @Body("_csrf") @Nullable String csrf) {
        CsrfFilter.verify(request, csrf);
        if (overview.retry(id)) {
            overview.logRetry(Caller.of(request).name(), id);
        }
        return HttpResponse.seeOther(URI.create("/helpdesk/overview"));
    }

    public record Labelled(String label, Overview.Period period) {
    }
}
