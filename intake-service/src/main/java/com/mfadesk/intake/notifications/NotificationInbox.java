package com.mfadesk.intake.notifications;

import com.mfadesk.vocabulary.Channel;
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
 * Checks each notification's clientState and keeps the good ones for {@link NotificationWorker}; a wrong clientState
 * is dropped and logged, its resource never fetched. Lifecycle events go to the subscriptions.
 */
@Singleton
public class NotificationInbox {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationInbox.class);

    private final ChangeNotificationRepository notifications;
    private final ClientState clientState;
    private final GraphSubscriptions subscriptions;
    private final ObjectMapper objectMapper;
    private final ExecutorService executor;
    private final Clock clock;

    public NotificationInbox(ChangeNotificationRepository notifications, ClientState clientState,
                             GraphSubscriptions subscriptions, ObjectMapper objectMapper,
                             @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.notifications = notifications;
        this.clientState = clientState;
        this.subscriptions = subscriptions;
        this.objectMapper = objectMapper;
        this.executor = executor;
        this.clock = clock;
    }

    /** @param source whose endpoint the delivery came to */
    public void accept(Channel source, byte[] body) {
        for (ChangeNotifications.Item item : parse(body)) {
            if (!clientState.accepts(item.clientState())) {
                LOG.warn("dropped a notification for subscription {} with a wrong clientState", item.subscriptionId());
                continue;
            }
            if (item.lifecycleEvent() != null) {
                executor.execute(() -> subscriptions.onLifecycleEvent(source, item.lifecycleEvent(),
                        item.subscriptionId()));
            } else if (item.resource() != null) {
                notifications.save(ChangeNotification.pending(source, item.resource(),
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
            ChangeNotifications delivery = objectMapper.readValue(body, ChangeNotifications.class);
            return delivery.value() == null ? List.of() : delivery.value();
        } catch (IOException e) {
            LOG.warn("ignored a notification body that is not JSON: {}", e.getMessage());
            return List.of();
        }
    }
}
