package com.mfadesk.notify.graph;

import io.micronaut.core.annotation.Nullable;

/**
 * Where a Teams post goes: a chat, the thread under a channel post ({@code rootMessageId}), or the channel itself.
 */
public record TeamsPlace(@Nullable String teamId, @Nullable String channelId, @Nullable String rootMessageId,
                         @Nullable String chatId) {

    public static TeamsPlace chat(String chatId) {
        return new TeamsPlace(null, null, null, chatId);
    }

    public static TeamsPlace thread(String teamId, String channelId, String rootMessageId) {
        return new TeamsPlace(teamId, channelId, rootMessageId, null);
    }

    public static TeamsPlace channel(String teamId, String channelId) {
        return new TeamsPlace(teamId, channelId, null, null);
    }
}
