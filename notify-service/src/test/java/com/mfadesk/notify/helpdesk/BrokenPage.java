package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.web.PageRenderer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.HashMap;

/** A help desk page whose template fails while it renders, the way the queue's assignee filter once did. */
@Requires(property = "test.broken-page", value = "true")
@Controller("/helpdesk/test-broken")
public class BrokenPage {

    private final PageRenderer pages;

    public BrokenPage(PageRenderer pages) {
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(HttpRequest<?> request) {
        return pages.page(HttpStatus.OK, "broken-for-test", new HashMap<>(), request);
    }
}
