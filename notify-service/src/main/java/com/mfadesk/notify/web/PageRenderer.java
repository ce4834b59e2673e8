package com.mfadesk.notify.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a help desk page before the response starts. A template rendered while the response is being written
 * (a view returned as {@code ModelAndView}) that throws leaves a response half-sent that never completes: the
 * browser waits for ever and the worker thread is lost. Rendered here, the exception reaches the error handler like
 * any other, and the browser gets its error page.
 */
@Singleton
public class PageRenderer {

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    public PageRenderer(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.views = views;
    }

    public MutableHttpResponse<String> page(HttpStatus status, String view, Map<String, Object> model,
                                            HttpRequest<?> request) {
        StringWriter html = new StringWriter();
        try {
            views.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString());
    }
}
