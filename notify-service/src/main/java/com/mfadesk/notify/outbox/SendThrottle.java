package com.mfadesk.notify.outbox;

import com.mfadesk.common.graph.ThrottleListener;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns Graph's limits from its 429s: a mailbox (Exchange's sending limit) or a channel or chat (Teams' posting
 * limit) that was throttled is blocked for the Retry-After Graph gave, for every instance, and outbox entries bound
 * for it wait until then instead of each meeting the limit again.
 */
@Singleton
public class SendThrottle implements ThrottleListener {

    private static final Pattern MAILBOX = Pattern.compile("/users/([^/]+)/(sendMail|messages/[^/]+/reply)$");
    private static final Pattern CHANNEL = Pattern.compile("/teams/([^/]+)/channels/([^/]+)/messages(/.*)?$");
    private static final Pattern CHAT = Pattern.compile("/chats/([^/]+)/messages$");

    private final ThrottledDestinationRepository destinations;
    private final Clock clock;

    public SendThrottle(ThrottledDestinationRepository destinations, Clock clock) {
        this.destinations = destinations;
        this.clock = clock;
    }

    @Override
    public void throttled(String method, String path, Duration retryAfter) {
        if (!"POST".equals(method)) {
            return;
        }
        destinationOf(URLDecoder.decode(path, StandardCharsets.UTF_8))
                .ifPresent(destination -> block(destination, clock.instant().plus(retryAfter)));
    }

    /** When the destination may be sent to again, if it is blocked now. */
    public Optional<Instant> blockedUntil(String destination) {
        Instant now = clock.instant();
        return destinations.findById(destination).map(ThrottledDestination::blockedUntil).filter(now::isBefore);
    }

    private void block(String destination, Instant until) {
        if (destinations.extend(destination, until) == 0 && !destinations.existsById(destination)) {
            try {
                destinations.save(new ThrottledDestination(destination, until));
            } catch (DataAccessException raceLost) {
                destinations.extend(destination, until);
            }
        }
    }

    static Optional<String> destinationOf(String path) {
        Matcher mailbox = MAILBOX.matcher(path);
        if (mailbox.find()) {
            return Optional.of(Destinations.mailbox(mailbox.group(1)));
        }
        Matcher channel = CHANNEL.matcher(path);
        if (channel.find()) {
            return Optional.of(Destinations.channel(channel.group(1), channel.group(2)));
        }
        Matcher chat = CHAT.matcher(path);
        return chat.find() ? Optional.of(Destinations.chat(chat.group(1))) : Optional.empty();
    }
}
