package com.mfadesk.intake.teams;

import com.mfadesk.common.graph.GraphCalls;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.inject.Singleton;

/** Reads the message a notification points at (GET on its resource). */
@Singleton
public class TeamsMessageReader {

    private final GraphServiceClient graph;

    public TeamsMessageReader(GraphServiceClient graph) {
        this.graph = graph;
    }

    public ChatMessage read(TeamsResource resource) {
        if (resource.isChat()) {
            return GraphCalls.call("chat message " + resource.messageId(), () -> graph.chats()
                    .byChatId(resource.chatId()).messages().byChatMessageId(resource.messageId()).get());
        }
        var message = graph.teams().byTeamId(resource.teamId()).channels().byChannelId(resource.channelId())
                .messages().byChatMessageId(resource.messageId());
        if (resource.replyId() != null) {
            return GraphCalls.call("channel reply " + resource.replyId(),
                    () -> message.replies().byChatMessageId1(resource.replyId()).get());
        }
        return GraphCalls.call("channel message " + resource.messageId(), () -> message.get());
    }
}
