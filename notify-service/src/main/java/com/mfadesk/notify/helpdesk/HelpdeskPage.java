package com.mfadesk.notify.helpdesk;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.util.stream.Collectors;

/** The help desk's queue as a page: open escalations, oldest first. Text only, every value escaped. */
@Controller("/helpdesk")
public class HelpdeskPage {

    private final EscalationDesk desk;

    public HelpdeskPage(EscalationDesk desk) {
        this.desk = desk;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String queue() {
        String rows = desk.list(null).stream()
                .filter(e -> !Escalation.RESOLVED.equals(e.status()))
                .map(e -> "<tr><td>" + esc(e.ref()) + "</td><td>" + esc(e.status()) + "</td><td>"
                        + esc(e.requesterAddress()) + (e.requesterVerified() ? "" : " <b>(NOT VERIFIED)</b>")
                        + "</td><td>" + esc(e.scenario()) + "</td><td>" + esc(e.reason()) + "</td><td>"
                        + esc(String.valueOf(e.createdAt())) + "</td></tr>")
                .collect(Collectors.joining());
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>MFA Desk help desk</title></head><body>"
                + "<h1>Open escalations</h1><table><tr><th>Ref</th><th>Status</th><th>Requester</th>"
                + "<th>Scenario</th><th>Reason</th><th>Opened</th></tr>" + rows + "</table></body></html>";
    }

    private static String esc(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
