package com.mfadesk.intake.cases;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Keeps mail from the mailbox (IMAP or Graph) that cannot become a case, so marking it handled loses nothing: the
 * help desk finds it in {@code rejected_message}, and the original also stays in the mailbox (intake never deletes
 * mail). Keeping it twice (a crash before the mark) is settled by the unique digest.
 */
@Singleton
public class RejectedMail {

    private static final int MAX_REASON_LENGTH = 2000;

    private final RejectedMessageRepository rejected;
    private final Clock clock;

    public RejectedMail(RejectedMessageRepository rejected, Clock clock) {
        this.rejected = rejected;
        this.clock = clock;
    }

    public void keep(byte[] raw, long sizeBytes, String reason) {
        String digest = ExternalIds.ofRawBytes(raw).substring("sha256:".length());
        if (rejected.existsByRawSha256(digest)) {
            return;
        }
        String shortReason = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
        try {
            rejected.save(new RejectedMessage(null, shortReason, digest, raw, sizeBytes, clock.instant()));
        } catch (DataAccessException e) {
            if (!rejected.existsByRawSha256(digest)) {
                throw e;
            }
        }
    }
}
