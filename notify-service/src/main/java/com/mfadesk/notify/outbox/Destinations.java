package com.mfadesk.notify.outbox;

import com.mfadesk.notify.cases.SupportCase;
import com.mfadesk.notify.cases.SupportMailboxConfiguration;
import com.mfadesk.notify.helpdesk.HelpdeskConfiguration;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Where an outbox entry sends to, named the way Graph's limits count: the mailbox that sends a mail, the channel or
 * chat a Teams message goes to. Every send from the same mailbox, channel or chat shares one pace.
 */
@Singleton
public class Destinations {

    static final String MAILBOX_PREFIX = "mailbox:";
    static final String CHANNEL_PREFIX = "channel:";
    static final String CHAT_PREFIX = "chat:";

    private final SupportMailboxConfiguration support;
    private final HelpdeskConfiguration helpdesk;

    public Destinations(SupportMailboxConfiguration support, HelpdeskConfiguration helpdesk) {
        this.support = support;
        this.helpdesk = helpdesk;
    }

    /** @return null for work that sends nothing (the decision) */
    @Nullable
    public String of(OutboxKind kind, @Nullable SupportCase supportCase) {
        return switch (kind) {
            case DECIDE -> null;
            case USER_MESSAGE, RESOLUTION_MESSAGE -> supportCase == null ? null : toUserOf(supportCase);
            case HELPDESK_TEAMS, ALERT_TEAMS -> channel(helpdesk.teamId(), helpdesk.channelId());
            case HELPDESK_MAIL, ALERT_MAIL -> mailbox(support.mailbox());
        };
    }

    private String toUserOf(SupportCase supportCase) {
        if (!supportCase.isTeams()) {
            return mailbox(support.mailbox());
        }
        return supportCase.teamsChatId() != null
                ? chat(supportCase.teamsChatId())
                : channel(supportCase.teamsTeamId(), supportCase.teamsChannelId());
    }

    public static String mailbox(String address) {
        return MAILBOX_PREFIX + address.toLowerCase(Locale.ROOT);
    }

    public static String channel(String teamId, String channelId) {
        return CHANNEL_PREFIX + teamId + "/" + channelId;
    }

    public static String chat(String chatId) {
        return CHAT_PREFIX + chatId;
    }
}
