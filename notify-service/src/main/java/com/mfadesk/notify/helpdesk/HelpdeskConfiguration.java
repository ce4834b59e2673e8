package com.mfadesk.notify.helpdesk;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where escalations are announced (HELPDESK_TEAM_ID + HELPDESK_CHANNEL_ID, HELPDESK_MAILBOX), the first help desk
 * user (HELPDESK_BOOTSTRAP_USER, HELPDESK_BOOTSTRAP_PASSWORD) and the UI's address for links.
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskConfiguration(
        @Nullable String teamId,
        @Nullable String channelId,
        @Nullable String mailbox,
        @Nullable String bootstrapUser,
        @Nullable String bootstrapPassword,
        @Bindable(defaultValue = "http://localhost:8083") String publicUrl) {

    public boolean announcesInTeams() {
        return present(teamId) && present(channelId);
    }

    public boolean announcesByMail() {
        return present(mailbox);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
