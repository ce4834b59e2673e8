package com.mfadesk.intake.teams;

import com.mfadesk.intake.notifications.ResourcePath;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mfadesk.intake.notifications.ResourcePath.KEY;
import static com.mfadesk.intake.notifications.ResourcePath.key;

/**
 * The message a change notification points at. Graph writes the resource in OData key form
 * ({@code teams('T')/channels('C')/messages('M')/replies('R')}, {@code chats('X')/messages('M')}); the path form
 * ({@code teams/T/channels/C/messages/M}) is read too.
 */
public record TeamsResource(@Nullable String teamId, @Nullable String channelId, @Nullable String chatId,
                            String messageId, @Nullable String replyId) {

    private static final Pattern CHANNEL = Pattern.compile(
            "^/?teams" + KEY + "/channels" + KEY + "/messages" + KEY + "(?:/replies" + KEY + ")?/?$");
    private static final Pattern CHAT = Pattern.compile("^/?chats" + KEY + "/messages" + KEY + "/?$");

    public static Optional<TeamsResource> parse(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String decoded = ResourcePath.decode(resource);
        Matcher channel = CHANNEL.matcher(decoded);
        if (channel.matches()) {
            return Optional.of(new TeamsResource(key(channel, 1), key(channel, 3), null, key(channel, 5),
                    key(channel, 7)));
        }
        Matcher chat = CHAT.matcher(decoded);
        if (chat.matches()) {
            return Optional.of(new TeamsResource(null, null, key(chat, 1), key(chat, 3), null));
        }
        return Optional.empty();
    }

    public boolean isChat() {
        return chatId != null;
    }

    /** The id of the message itself: the reply's own id for a reply in a channel thread. */
    public String ownMessageId() {
        return replyId != null ? replyId : messageId;
    }
}
