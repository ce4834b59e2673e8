package com.mfadesk.intake.cases;

import com.mfadesk.vocabulary.Channel;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.mfadesk.common.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Finds the case of a message by channel and external id (Message-ID without brackets, or Teams message id). */
@Controller("/api/v1/cases")
public class CaseLookupController {

    private final InboundCaseRepository cases;

    public CaseLookupController(InboundCaseRepository cases) {
        this.cases = cases;
    }

    @Get
    public HttpResponse<?> find(@QueryValue String channel, @QueryValue String externalId) {
        Channel parsed;
        try {
            parsed = Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "channel must be EMAIL or TEAMS");
        }
        return cases.findByChannelAndExternalId(parsed, ExternalIds.normalize(externalId))
                .<HttpResponse<?>>map(c -> HttpResponse.ok(new CaseView(c.id(), c.channel().name(), c.externalId(),
                        c.status().name(), c.threadCaseId())))
                .orElseGet(() -> Problems.of(HttpStatus.NOT_FOUND, "no case for " + channel + " " + externalId));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CaseView(String caseId, String channel, String externalId, String status,
                           @Nullable String threadCaseId) {
    }
}
