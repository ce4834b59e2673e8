package com.mfadesk.intake.cases;

import com.mfadesk.vocabulary.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One inbound message. {@code status} is what intake answered: ACCEPTED (handed down the pipeline) or IGNORED
 * (auto-reply, bounce, our own message: never answered).
 *
 * @param graphMessageId the support mailbox's id of a mail that came through Graph: its answer replies to it directly
 */
@MappedEntity("inbound_case")
public record InboundCase(
        @Id String id,
        Channel channel,
        String externalId,
        IntakeStatus status,
        @Nullable String ignoreReason,
        @Nullable String threadCaseId,
        @Nullable String senderAddress,
        @Nullable String senderName,
        boolean senderVerified,
        @Nullable String senderUserId,
        @Nullable String subject,
        @Nullable String newText,
        @Nullable String internetMessageId,
        @Nullable String teamsTeamId,
        @Nullable String teamsChannelId,
        @Nullable String teamsRootId,
        @Nullable String teamsChatId,
        boolean bulk,
        Instant receivedAt,
        @Nullable String conversationKey,
        @Nullable String attachmentsJson,
        @Nullable String graphMessageId) {

    /** Header values longer than their columns (V1__inbound_cases.sql) are cut: the mail is never lost to them. */
    public InboundCase {
        senderAddress = ColumnFit.cut(senderAddress, 320);
        senderName = ColumnFit.cut(senderName, 255);
        subject = ColumnFit.cut(subject, 1000);
        internetMessageId = ColumnFit.cut(internetMessageId, 1000);
    }

    /** The first case of this message's conversation (itself when it starts one). */
    public String rootCaseId() {
        return threadCaseId == null ? id : threadCaseId;
    }
}
