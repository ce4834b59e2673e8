package com.mfadesk.intake.notifications;

import com.mfadesk.common.graph.GraphException;
import com.mfadesk.common.retry.RetryDelays;
import com.mfadesk.vocabulary.Channel;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the message behind each stored notification and takes it in through its source. Graph unreachable: try again
 * later; the message gone (404): nothing to read now (a moved mail is found again by the next catch-up).
 */
@Singleton
public class NotificationWorker {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(90);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int BATCH = 20;

    private final ChangeNotificationRepository notifications;
    private final Map<Channel, NotificationSource> sources;
    private final Clock clock;
    private final String owner = "intake-" + UUID.randomUUID();

    public NotificationWorker(ChangeNotificationRepository notifications, List<NotificationSource> sources,
                              Clock clock) {
        this.notifications = notifications;
        this.sources = sources.stream().collect(Collectors.toMap(NotificationSource::channel, Function.identity()));
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${teams.poll-interval:200ms}", initialDelay = "1s")
    void poll() {
        List<ChangeNotification> due;
        do {
            Instant now = clock.instant();
            due = notifications.findDue(now, BATCH);
            for (ChangeNotification notification : due) {
                if (notifications.claim(notification.id(), owner, now.plus(LEASE), now) == 1) {
                    process(notification);
                }
            }
        } while (!due.isEmpty());
    }

    private void process(ChangeNotification notification) {
        try {
            if (sources.get(notification.source()).take(notification.resource())) {
                notifications.done(notification.id());
            } else {
                LOG.warn("notification for a resource that is not a message: {}", notification.resource());
                notifications.failed(notification.id(), "not a message resource");
            }
        } catch (GraphException e) {
            if (e.isNotFound()) {
                LOG.info("{} is gone: nothing to read", notification.resource());
                notifications.done(notification.id());
            } else if (e.isTransient()) {
                reschedule(notification, e.getMessage());
            } else {
                LOG.error("{} cannot be read: {}", notification.resource(), e.getMessage());
                notifications.failed(notification.id(), RetryDelays.truncate(e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.error("{} failed", notification.resource(), e);
            reschedule(notification, String.valueOf(e));
        }
    }

    private void reschedule(ChangeNotification notification, String error) {
        Duration wait = RetryDelays.after(notification.attempts(), MAX_BACKOFF);
        notifications.reschedule(notification.id(), clock.instant().plus(wait), RetryDelays.truncate(error));
    }
}
