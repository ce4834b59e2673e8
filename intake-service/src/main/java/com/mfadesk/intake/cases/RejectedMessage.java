package com.mfadesk.intake.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * Mail from the mailbox that intake could not take in, kept for the help desk (and for re-processing once the
 * parser can read it).
 *
 * @param raw       the message as the server sent it; for a message over the size limit only its header section
 * @param rawSha256 of {@code raw}: the same message read again after a crash is kept once
 * @param sizeBytes the whole message's size, which for a message over the limit is more than {@code raw}
 */
@MappedEntity("rejected_message")
public record RejectedMessage(
        @Id @GeneratedValue @Nullable Long id,
        String reason,
        String rawSha256,
        byte[] raw,
        long sizeBytes,
        Instant receivedAt) {
}
