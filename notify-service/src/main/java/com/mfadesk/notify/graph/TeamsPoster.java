package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphCalls;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ChatMessageAttachment;
import com.microsoft.graph.models.ChatMessageCollectionResponse;
import com.microsoft.graph.models.ChatMessageMention;
import com.microsoft.graph.models.ChatMessageMentionedIdentitySet;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.TeamworkUserIdentity;
import com.microsoft.graph.models.TeamworkUserIdentityType;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.micronaut.core.annotation.Nullable;
import com.mfadesk.notify.graph.delegated.TeamsPostingClientFactory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Posts to Teams: a reply under a channel post, a new channel post, or a chat message, as the support account when
 * one is configured (Graph accepts posts only with a delegated token).
 */
@Singleton
public class TeamsPoster {

    private static final String CARD_ID = "announcement";
    /** Graph's clock and ours may differ this much when judging whether a post is the one an earlier try made. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** The most Graph lists in one page of replies or chat messages: far more than a crash window holds. */
    private static final int RECENT = 50;

    private final GraphServiceClient graph;
    private final GraphServiceClient reader;

    /**
     * @param graph  posts: the support account's delegated token where one is configured
     * @param reader reads back what was posted, with the app's own permissions (as intake reads Teams)
     */
    public TeamsPoster(@Named(TeamsPostingClientFactory.TEAMS_POSTING) GraphServiceClient graph,
                       GraphServiceClient reader) {
        this.graph = graph;
        this.reader = reader;
    }

    /**
     * Whether a post carrying {@code marker} was made at {@code place} since {@code since}: before trying a post
     * again whose earlier try may have reached Graph (Teams has no Sent Items to look in, unlike mail).
     */
    public boolean postedSince(TeamsPlace place, String marker, Instant since) {
        ChatMessageCollectionResponse recent;
        if (place.chatId() != null) {
            recent = GraphCalls.call("messages of chat " + place.chatId(), () -> reader.chats()
                    .byChatId(place.chatId()).messages().get(rc -> rc.queryParameters.top = RECENT));
        } else {
            var messages = reader.teams().byTeamId(place.teamId()).channels().byChannelId(place.channelId())
                    .messages();
            recent = place.rootMessageId() != null
                    ? GraphCalls.call("replies under " + place.rootMessageId(), () -> messages
                    .byChatMessageId(place.rootMessageId()).replies().get(rc -> rc.queryParameters.top = RECENT))
                    : GraphCalls.call("posts in " + place.channelId(),
                    () -> messages.get(rc -> rc.queryParameters.top = RECENT));
        }
        Instant from = since.minus(CLOCK_SKEW);
        return recent != null && recent.getValue() != null && recent.getValue().stream().anyMatch(m ->
                m.getCreatedDateTime() != null && !m.getCreatedDateTime().toInstant().isBefore(from)
                        && m.getBody() != null && m.getBody().getContent() != null
                        && m.getBody().getContent().contains(marker));
    }

    /** A reply under the user's post that @-mentions them, so Teams notifies them of the answer. */
    public void replyInChannel(String teamId, String channelId, String rootMessageId, String html,
                               @Nullable Mentioned mentioned) {
        ChatMessage message = mentioned == null || mentioned.userId() == null
                ? message(html)
                : mentioning(mentioned, html);
        GraphCalls.run("reply in " + teamId + "/" + channelId, () -> graph.teams().byTeamId(teamId).channels()
                .byChannelId(channelId).messages().byChatMessageId(rootMessageId).replies().post(message));
    }

    public void postInChannel(String teamId, String channelId, String html) {
        GraphCalls.run("post in " + teamId + "/" + channelId, () -> graph.teams().byTeamId(teamId).channels()
                .byChannelId(channelId).messages().post(message(html)));
    }

    /**
     * A channel post whose body is {@code html} followed by an Adaptive Card ({@code cardJson}); clients that show no
     * cards, and mail-style previews, still read the HTML.
     */
    public void postCardInChannel(String teamId, String channelId, String html, String cardJson) {
        ChatMessage message = message(html + "<attachment id=\"" + CARD_ID + "\"></attachment>");
        ChatMessageAttachment card = new ChatMessageAttachment();
        card.setId(CARD_ID);
        card.setContentType("application/vnd.microsoft.card.adaptive");
        card.setContent(cardJson);
        message.setAttachments(List.of(card));
        GraphCalls.run("card in " + teamId + "/" + channelId, () -> graph.teams().byTeamId(teamId).channels()
                .byChannelId(channelId).messages().post(message));
    }

    public void postInChat(String chatId, String html) {
        GraphCalls.run("post in chat " + chatId, () -> graph.chats().byChatId(chatId).messages().post(message(html)));
    }

    private static ChatMessage mentioning(Mentioned mentioned, String html) {
        String name = mentioned.displayName() == null || mentioned.displayName().isBlank()
                ? "there" : mentioned.displayName();
        ChatMessage message = message("<p><at id=\"0\">" + escape(name) + "</at></p>" + html);
        TeamworkUserIdentity user = new TeamworkUserIdentity();
        user.setId(mentioned.userId());
        user.setDisplayName(name);
        user.setUserIdentityType(TeamworkUserIdentityType.AadUser);
        ChatMessageMentionedIdentitySet identity = new ChatMessageMentionedIdentitySet();
        identity.setUser(user);
        ChatMessageMention mention = new ChatMessageMention();
        mention.setId(0);
        mention.setMentionText(name);
        mention.setMentioned(identity);
        message.setMentions(List.of(mention));
        return message;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Who an answer in a channel @-mentions: the user who asked. */
    public record Mentioned(@Nullable String userId, @Nullable String displayName) {
    }

    private static ChatMessage message(String html) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent(html);
        ChatMessage message = new ChatMessage();
        message.setBody(body);
        return message;
    }
}
