package com.mfadesk.intake.teams;

import com.mfadesk.common.retry.RetryDelays;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.intake.cases.CaseRegistration;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the message behind each stored notification and takes it in. Graph unreachable: try again later; the
 * message gone (404): nothing to answer.
 */
@Singleton
public class TeamsNotificationWorker {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsNotificationWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(90);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int BATCH = 20;

    private final TeamsNotificationRepository notifications;
    private final TeamsMessageReader reader;
    private final TeamsIntake intake;
    private final Clock clock;
    private final String owner = "intake-" + UUID.randomUUID();

    public TeamsNotificationWorker(TeamsNotificationRepository notifications, TeamsMessageReader reader,
                                   TeamsIntake intake, Clock clock) {
        this.notifications = notifications;
        this.reader = reader;
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${teams.poll-interval:200ms}", initialDelay = "1s")
    void poll() {
        List<TeamsNotification> due;
        do {
            Instant now = clock.instant();
            due = notifications.findDue(now, BATCH);
            for (TeamsNotification notification : due) {
                if (notifications.claim(notification.id(), owner, now.plus(LEASE), now) == 1) {
                    process(notification);
                }
            }
        } while (!due.isEmpty());
    }

    private void process(TeamsNotification notification) {
        Optional<TeamsResource> resource = TeamsResource.parse(notification.resource());
        if (resource.isEmpty()) {
            LOG.warn("notification for a resource that is not a message: {}", notification.resource());
            notifications.failed(notification.id(), "not a message resource");
            return;
        }
        try {
            CaseRegistration registration = intake.take(resource.get(), reader.read(resource.get()));
            LOG.info("Teams message {} ({}): case {} {}", resource.get().ownMessageId(), notification.changeType(),
                    registration.caseId(), registration.status());
            notifications.done(notification.id());
        } catch (GraphException e) {
            if (e.isNotFound()) {
                LOG.info("Teams message {} is gone: nothing to answer", notification.resource());
                notifications.done(notification.id());
            } else if (e.isTransient()) {
                reschedule(notification, e.getMessage());
            } else {
                LOG.error("Teams message {} cannot be read: {}", notification.resource(), e.getMessage());
                notifications.failed(notification.id(), RetryDelays.truncate(e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.error("Teams message {} failed", notification.resource(), e);
            reschedule(notification, String.valueOf(e));
        }
    }

    private void reschedule(TeamsNotification notification, String error) {
        Duration wait = RetryDelays.after(notification.attempts(), MAX_BACKOFF);
        notifications.reschedule(notification.id(), clock.instant().plus(wait), RetryDelays.truncate(error));
    }
}
