package com.mfadesk.intake.teams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * TEAMS_CHANNELS ({@code teamId/channelId} pairs), TEAMS_CHATS ({@code installed} or chat ids)
 * and TEAMS_APP_ID (our own app: its posts are never answered).
 *
 * @param subscriptionLifetime how long each subscription is asked for (Graph allows up to 3 days for messages)
 * @param renewBefore          renew a subscription this long before it expires
 */
@ConfigurationProperties("teams")
public record TeamsConfiguration(
        @Nullable List<String> channels,
        @Nullable String chats,
        @Nullable String appId,
        @Bindable(defaultValue = "24h") Duration subscriptionLifetime,
        @Bindable(defaultValue = "2h") Duration renewBefore) {
}
