package com.mfadesk.intake.teams;

import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.cases.InboundCaseRepository;
import com.mfadesk.intake.notifications.ChangeNotification;
import com.mfadesk.intake.notifications.ChangeNotificationRepository;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds posts that arrived while no notification could reach us (a removed subscription, a restart, an outage) by
 * listing the channel's and the support chats' recent messages, and queues the unknown ones like notifications.
 * It only looks back to the newest message already taken in (when it was written, not when its notification came):
 * a fresh installation never answers old history.
 */
@Singleton
public class TeamsCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsCatchUp.class);
    /** Messages a little older than the newest one we have may still be missing (clock skew, parallel posts). */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Duration CHAT_HORIZON = Duration.ofDays(3);
    private static final int PAGE = 50;

    private final GraphServiceClient graph;
    private final InboundCaseRepository cases;
    private final ChangeNotificationRepository notifications;
    private final Clock clock;

    public TeamsCatchUp(GraphServiceClient graph, InboundCaseRepository cases,
                        ChangeNotificationRepository notifications, Clock clock) {
        this.graph = graph;
        this.cases = cases;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return how many missed messages were queued */
    public int channel(String teamId, String channelId) {
        Optional<Instant> newest = cases.findMaxReceivedAtByTeamsTeamIdAndTeamsChannelId(teamId, channelId);
        if (newest.isEmpty()) {
            return 0;
        }
        var messages = graph.teams().byTeamId(teamId).channels().byChannelId(channelId).messages();
        List<ChatMessage> roots = page(GraphCalls.call("list " + teamId + "/" + channelId,
                () -> messages.get(rc -> rc.queryParameters.top = PAGE)));
        Instant since = lastSeen(roots, newest.get()).minus(MARGIN);
        int queued = 0;
        for (ChatMessage root : roots) {
            String base = "teams('" + teamId + "')/channels('" + channelId + "')/messages('" + root.getId() + "')";
            queued += queueIfMissed(root, base, since);
            if (root.getCreatedDateTime() != null
                    && root.getCreatedDateTime().toInstant().isAfter(since.minus(CHAT_HORIZON))) {
                List<ChatMessage> replies = page(GraphCalls.call("replies of " + root.getId(),
                        () -> messages.byChatMessageId(root.getId()).replies().get(rc -> rc.queryParameters.top = PAGE)));
                for (ChatMessage reply : replies) {
                    queued += queueIfMissed(reply, base + "/replies('" + reply.getId() + "')", since);
                }
            }
        }
        log(teamId + "/" + channelId, queued);
        return queued;
    }

    /** The chats we have talked in lately (an app-wide chat subscription cannot be listed as a whole). */
    public int recentChats() {
        int queued = 0;
        for (String chatId : cases.findRecentChatIds(clock.instant().minus(CHAT_HORIZON))) {
            List<ChatMessage> messages = page(GraphCalls.call("list chat " + chatId,
                    () -> graph.chats().byChatId(chatId).messages().get(rc -> rc.queryParameters.top = PAGE)));
            Instant since = lastSeen(messages, cases.findMaxReceivedAtByTeamsChatId(chatId).orElse(clock.instant()))
                    .minus(MARGIN);
            for (ChatMessage message : messages) {
                queued += queueIfMissed(message, "chats('" + chatId + "')/messages('" + message.getId() + "')", since);
            }
        }
        log("recent chats", queued);
        return queued;
    }

    /**
     * When the newest message already taken in was written, in Teams time: the newest listed message that has a
     * case. When it was taken in ({@code newestReceived}) is only an upper bound: Graph retries a notification for
     * hours, so a late delivery is taken in long after earlier posts whose notifications were lost.
     */
    private Instant lastSeen(List<ChatMessage> listed, Instant newestReceived) {
        List<String> ids = listed.stream().map(ChatMessage::getId).filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return newestReceived;
        }
        Set<String> known = cases.findByChannelAndExternalIdInList(Channel.TEAMS, ids).stream()
                .map(InboundCase::externalId).collect(Collectors.toSet());
        return listed.stream()
                .filter(m -> m.getCreatedDateTime() != null && known.contains(m.getId()))
                .map(m -> m.getCreatedDateTime().toInstant())
                .max(Comparator.naturalOrder())
                .filter(written -> written.isBefore(newestReceived))
                .orElse(newestReceived);
    }

    private int queueIfMissed(ChatMessage message, String resource, Instant since) {
        if (message.getId() == null || message.getCreatedDateTime() == null
                || !message.getCreatedDateTime().toInstant().isAfter(since)
                || cases.findByChannelAndExternalId(Channel.TEAMS, message.getId()).isPresent()) {
            return 0;
        }
        notifications.save(ChangeNotification.pending(Channel.TEAMS, resource, "created", null, clock.instant()));
        return 1;
    }

    private static List<ChatMessage> page(com.microsoft.graph.models.ChatMessageCollectionResponse response) {
        return response == null || response.getValue() == null ? List.of() : response.getValue();
    }

    private static void log(String where, int queued) {
        if (queued > 0) {
            LOG.info("caught up {} missed message(s) in {}", queued, where);
        }
    }
}
