package com.mfadesk.intake.email;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mfadesk.intake.cases.CaseRegistration;
import com.mfadesk.intake.cases.IntakeStatus;
import com.mfadesk.common.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/** POST /api/v1/messages/email: a raw RFC 822 message in, its case and intake status out (CONTRACT.md). */
@Controller("/api/v1/messages")
public class EmailIntakeController {

    private final EmailIntake intake;
    private final IntakeLimits limits;

    public EmailIntakeController(EmailIntake intake, IntakeLimits limits) {
        this.intake = intake;
        this.limits = limits;
    }

    @Post("/email")
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public HttpResponse<?> receive(@Body @Nullable byte[] raw) {
        if (raw == null || raw.length == 0) {
            return Problems.of(HttpStatus.BAD_REQUEST, "empty body: expected an RFC 822 message");
        }
        if (raw.length > limits.maxMessageBytes()) {
            return Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "message of " + raw.length + " bytes is over the limit of " + limits.maxMessageBytes());
        }
        CaseRegistration registration;
        try {
            registration = intake.take(raw);
        } catch (UnreadableEmailException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "unreadable message: " + e.getMessage());
        }
        IntakeAnswer answer = new IntakeAnswer(registration.caseId(), registration.status().name(),
                registration.reason());
        return registration.status() == IntakeStatus.DUPLICATE ? HttpResponse.ok(answer)
                : HttpResponse.accepted().body(answer);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntakeAnswer(String caseId, String status, @Nullable String reason) {
    }
}
