package com.mfadesk.intake.cases;

import com.mfadesk.vocabulary.Channel;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface InboundCaseRepository extends CrudRepository<InboundCase, String> {

    Optional<InboundCase> findByChannelAndExternalId(Channel channel, String externalId);

    Optional<InboundCase> findFirstByTeamsChatIdAndSenderUserIdAndStatusAndReceivedAtGreaterThanOrderByReceivedAtDesc(
            String teamsChatId, String senderUserId, IntakeStatus status, Instant after);

    /** When the newest message of a channel was taken in: where catching up after a gap starts. */
    Optional<Instant> findMaxReceivedAtByTeamsTeamIdAndTeamsChannelId(String teamsTeamId, String teamsChannelId);

    Optional<Instant> findMaxReceivedAtByTeamsChatId(String teamsChatId);

    Optional<Instant> findMaxReceivedAtByChannel(Channel channel);

    @io.micronaut.data.annotation.Query("SELECT DISTINCT teams_chat_id FROM inbound_case "
            + "WHERE teams_chat_id IS NOT NULL AND received_at > :after")
    List<String> findRecentChatIds(Instant after);

    Optional<InboundCase> findFirstByChannelAndConversationKeyOrderByReceivedAt(Channel channel,
                                                                             String conversationKey);

    Optional<InboundCase> findFirstByChannelAndIdStartsWithOrderByReceivedAt(Channel channel, String idPrefix);

    boolean existsByGraphMessageId(String graphMessageId);

    List<InboundCase> findByChannelAndExternalIdInList(Channel channel, Collection<String> externalIds);
}
