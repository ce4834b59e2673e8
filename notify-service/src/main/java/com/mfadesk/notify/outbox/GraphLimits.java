package com.mfadesk.notify.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Graph's documented ceilings, which every notify instance keeps to together (GRAPH_LIMITS_*; 0 turns a limit off).
 * On by default: Graph's 10,000 requests per 10 minutes per mailbox and app, and Teams' 4 requests a second on one
 * channel (and chat) and 3,000 messages a day per channel and app. Off by default: Exchange Online's 30 messages a
 * minute, which Microsoft documents for SMTP client submission; Graph answers 429 when a mailbox sends more than
 * it takes, and {@link SendThrottle} makes every instance wait that out. A tenant that wants the pace anyway sets
 * GRAPH_LIMITS_MAILBOX_SENDS_PER_MINUTE=30. {@code requestsPerSecond} paces all of the app's Graph requests, for a
 * tenant or stand-in with such a limit.
 *
 * @param mailboxSendBurst how many sends may go at once after a quiet spell, within the per-minute pace
 */
@ConfigurationProperties("graph.limits")
public record GraphLimits(
        @Bindable(defaultValue = "0") int mailboxSendsPerMinute,
        @Bindable(defaultValue = "10") int mailboxSendBurst,
        @Bindable(defaultValue = "10000") int mailboxRequestsPerTenMinutes,
        @Bindable(defaultValue = "4") int channelPostsPerSecond,
        @Bindable(defaultValue = "3000") int channelPostsPerDay,
        @Bindable(defaultValue = "4") int chatPostsPerSecond,
        @Bindable(defaultValue = "0") int requestsPerSecond) {

    /** The limits one send to {@code destination} counts against, by name. */
    List<NamedRate> forSendsTo(String destination) {
        List<NamedRate> rates = new ArrayList<>();
        if (destination.startsWith(Destinations.MAILBOX_PREFIX)) {
            Rate.of(mailboxSendsPerMinute, Duration.ofMinutes(1), mailboxSendBurst)
                    .ifPresent(rate -> rates.add(new NamedRate("sends-per-minute", rate)));
        } else if (destination.startsWith(Destinations.CHANNEL_PREFIX)) {
            Rate.of(channelPostsPerSecond, Duration.ofSeconds(1), channelPostsPerSecond)
                    .ifPresent(rate -> rates.add(new NamedRate("posts-per-second", rate)));
            Rate.of(channelPostsPerDay, Duration.ofDays(1), channelPostsPerDay)
                    .ifPresent(rate -> rates.add(new NamedRate("posts-per-day", rate)));
        } else if (destination.startsWith(Destinations.CHAT_PREFIX)) {
            Rate.of(chatPostsPerSecond, Duration.ofSeconds(1), chatPostsPerSecond)
                    .ifPresent(rate -> rates.add(new NamedRate("posts-per-second", rate)));
        }
        return rates;
    }

    /** Every request to one mailbox; bursts of up to a tenth of a minute's worth. */
    public Optional<Rate> mailboxRequests() {
        return Rate.of(mailboxRequestsPerTenMinutes, Duration.ofMinutes(10),
                Math.max(1, mailboxRequestsPerTenMinutes / 100));
    }

    public Optional<Rate> appRequests() {
        return Rate.of(requestsPerSecond, Duration.ofSeconds(1), requestsPerSecond);
    }

    record NamedRate(String name, Rate rate) {
    }
}
