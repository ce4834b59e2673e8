package com.mfadesk.intake.graphmail;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Where the next catch-up of a mailbox's Inbox resumes: the deltaLink of its last completed delta round. */
@MappedEntity("mail_delta")
record MailDelta(@Id String mailbox, String deltaLink, Instant updatedAt) {
}
