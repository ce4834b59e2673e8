package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphCalls;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;

/** Posts to Teams: a reply under a channel post, a new channel post, or a chat message. */
@Singleton
public class TeamsPoster {

    private final GraphServiceClient graph;

    public TeamsPoster(GraphServiceClient graph) {
        this.graph = graph;
    }

    public void replyInChannel(String teamId, String channelId, String rootMessageId, String html) {
        GraphCalls.run("reply in " + teamId + "/" + channelId, () -> graph.teams().byTeamId(teamId).channels()
                .byChannelId(channelId).messages().byChatMessageId(rootMessageId).replies().post(message(html)));
    }

    public void postInChannel(String teamId, String channelId, String html) {
        GraphCalls.run("post in " + teamId + "/" + channelId, () -> graph.teams().byTeamId(teamId).channels()
                .byChannelId(channelId).messages().post(message(html)));
    }

    public void postInChat(String chatId, String html) {
        GraphCalls.run("post in chat " + chatId, () -> graph.chats().byChatId(chatId).messages().post(message(html)));
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
