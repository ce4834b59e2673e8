package com.mfadesk.intake.teams;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Checks each notification's clientState (constant time) and keeps the good ones for {@link TeamsNotificationWorker};
 * a wrong clientState is dropped and logged, its resource never fetched. Lifecycle events go to the subscriptions.
 */
@Singleton
public class TeamsNotificationInbox {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsNotificationInbox.class);

    private final TeamsNotificationRepository notifications;
    private final TeamsConfiguration teams;
    private final TeamsSubscriptions subscriptions;
    private final ObjectMapper objectMapper;
    private final ExecutorService executor;
    private final Clock clock;

    public TeamsNotificationInbox(TeamsNotificationRepository notifications, TeamsConfiguration teams,
                                  TeamsSubscriptions subscriptions, ObjectMapper objectMapper,
                                  @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.notifications = notifications;
        this.teams = teams;
        this.subscriptions = subscriptions;
        this.objectMapper = objectMapper;
        this.executor = executor;
        this.clock = clock;
    }

    public void accept(byte[] body) {
        List<ChangeNotifications.Item> items = parse(body);
        for (ChangeNotifications.Item item : items) {
            if (!teams.accepts(item.clientState())) {
                LOG.warn("dropped a notification for subscription {} with a wrong clientState", item.subscriptionId());
                continue;
            }
            if (item.lifecycleEvent() != null) {
                executor.execute(() -> subscriptions.onLifecycleEvent(item.lifecycleEvent(), item.subscriptionId()));
            } else if (item.resource() != null) {
                notifications.save(TeamsNotification.pending(item.resource(),
                        item.changeType() == null ? "created" : item.changeType(), item.subscriptionId(),
                        clock.instant()));
            }
        }
    }

    private List<ChangeNotifications.Item> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            ChangeNotifications notifications = objectMapper.readValue(body, ChangeNotifications.class);
            return notifications.value() == null ? List.of() : notifications.value();
        } catch (IOException e) {
            LOG.warn("ignored a notification body that is not JSON: {}", e.getMessage());
            return List.of();
        }
    }
}
