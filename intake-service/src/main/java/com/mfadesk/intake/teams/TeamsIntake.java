package com.mfadesk.intake.teams;

import com.mfadesk.common.graph.GraphConfiguration;
import com.mfadesk.intake.cases.AttachmentList;
import com.mfadesk.intake.cases.CaseRegistration;
import com.mfadesk.intake.cases.CaseRegistry;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.cases.InboundCaseRepository;
import com.mfadesk.intake.cases.IntakeStatus;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ChatMessageType;
import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.TeamworkUserIdentity;
import com.microsoft.graph.models.TeamworkUserIdentityType;
import com.microsoft.kiota.serialization.KiotaJsonSerialization;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Takes one Teams message in: decides whether it is answerable, which conversation it belongs to, and who wrote. */
@Singleton
public class TeamsIntake {

    static final String SYSTEM_EVENT = "SYSTEM_EVENT";
    static final String OWN_MESSAGE = "OWN_MESSAGE";
    static final String APPLICATION_MESSAGE = "APPLICATION_MESSAGE";
    static final String DELETED = "DELETED";
    /** A later message in the same 1:1 chat continues the conversation for this long. */
    private static final Duration CHAT_CONVERSATION = Duration.ofDays(3);

    private final CaseRegistry registry;
    private final InboundCaseRepository cases;
    private final TeamsConfiguration teams;
    private final GraphConfiguration graph;
    private final AttachmentList attachments;
    private final Clock clock;

    public TeamsIntake(CaseRegistry registry, InboundCaseRepository cases, TeamsConfiguration teams,
                       GraphConfiguration graph, AttachmentList attachments, Clock clock) {
        this.registry = registry;
        this.cases = cases;
        this.teams = teams;
        this.graph = graph;
        this.attachments = attachments;
        this.clock = clock;
    }

    public CaseRegistration take(TeamsResource resource, ChatMessage message) {
        String messageId = message.getId() != null ? message.getId() : resource.ownMessageId();
        Identity user = message.getFrom() == null ? null : message.getFrom().getUser();
        String ignoreReason = ignoreReasonOf(message, user);
        String chatId = resource.isChat() ? resource.chatId() : message.getChatId();
        String teamId = chatId != null ? null : resource.teamId();
        String channelId = chatId != null ? null : resource.channelId();
        String rootId = chatId != null ? null : (message.getReplyToId() != null ? message.getReplyToId() : messageId);
        Instant now = clock.instant();
        InboundCase inbound = new InboundCase(UUID.randomUUID().toString(), Channel.TEAMS, messageId,
                ignoreReason == null ? IntakeStatus.ACCEPTED : IntakeStatus.IGNORED, ignoreReason,
                ignoreReason == null && isTenantUser(user) ? threadCaseOf(message, chatId, user, now) : null,
                null, user == null ? null : user.getDisplayName(), isTenantUser(user),
                user == null ? null : user.getId(), null,
                message.getBody() == null ? "" : TeamsText.of(message.getBody().getContent(),
                        message.getBody().getContentType() == null ? null
                                : message.getBody().getContentType().getValue()),
                null, teamId, channelId, rootId, chatId, false, now, null,
                attachments.toJson(TeamsText.attachmentsOf(message)), null);
        return registry.register(inbound, raw(message));
    }

    private String ignoreReasonOf(ChatMessage message, Identity user) {
        if (message.getMessageType() != null && message.getMessageType() != ChatMessageType.Message) {
            return SYSTEM_EVENT;
        }
        Identity application = message.getFrom() == null ? null : message.getFrom().getApplication();
        if (application != null) {
            return application.getId() != null && application.getId().equals(teams.appId())
                    ? OWN_MESSAGE : APPLICATION_MESSAGE;
        }
        if (user == null) {
            return SYSTEM_EVENT;
        }
        if (message.getDeletedDateTime() != null) {
            return DELETED;
        }
        return null;
    }

    /** SCENARIOS.md rule 2: a user of our own tenant; guests and other tenants are not verified. */
    private boolean isTenantUser(Identity user) {
        if (!(user instanceof TeamworkUserIdentity teamworkUser)) {
            return false;
        }
        Object tenant = user.getAdditionalData().get("tenantId");
        return teamworkUser.getUserIdentityType() == TeamworkUserIdentityType.AadUser
                && tenant != null && tenant.toString().equalsIgnoreCase(graph.tenantId());
    }

    /**
     * A reply under a channel post follows the post's case; in a chat, the sender's recent conversation. Only the
     * case's own requester continues it: a colleague's "same here" is a case about the colleague's own methods.
     */
    private String threadCaseOf(ChatMessage message, String chatId, Identity user, Instant now) {
        if (user == null || user.getId() == null) {
            return null;
        }
        if (chatId != null) {
            return cases.findFirstByTeamsChatIdAndSenderUserIdAndStatusAndReceivedAtGreaterThanOrderByReceivedAtDesc(
                    chatId, user.getId(), IntakeStatus.ACCEPTED, now.minus(CHAT_CONVERSATION))
                    .map(InboundCase::rootCaseId).orElse(null);
        }
        if (message.getReplyToId() == null) {
            return null;
        }
        return cases.findByChannelAndExternalId(Channel.TEAMS, message.getReplyToId())
                .filter(root -> user.getId().equals(root.senderUserId()))
                .map(InboundCase::rootCaseId).orElse(null);
    }

    private static byte[] raw(ChatMessage message) {
        try {
            return KiotaJsonSerialization.serializeAsString(message).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
