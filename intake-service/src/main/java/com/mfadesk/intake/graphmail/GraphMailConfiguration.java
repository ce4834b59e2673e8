package com.mfadesk.intake.graphmail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.Instant;

/**
 * Mail from SUPPORT_MAILBOX's Inbox through Graph change notifications (MAIL_GRAPH, MAIL_NOTIFICATION_URL,
 * MAIL_GRAPH_SINCE).
 *
 * @param graph                true: take the support mailbox's mail in through Graph
 * @param notificationUrl      the public URL of /api/v1/mail/notifications (also the lifecycle URL)
 * @param graphSince           on the very first start, also take in Inbox mail received after this instant
 * @param subscriptionLifetime Graph allows up to 7 days for mail
 */
@ConfigurationProperties("mail")
public record GraphMailConfiguration(
        @Bindable(defaultValue = "false") boolean graph,
        @Nullable String notificationUrl,
        @Nullable Instant graphSince,
        @Bindable(defaultValue = "3d") Duration subscriptionLifetime,
        @Bindable(defaultValue = "12h") Duration renewBefore) {
}
