package com.mfadesk.intake.notifications;

import com.mfadesk.vocabulary.Channel;

import java.time.Duration;
import java.util.List;

/**
 * A kind of Graph resource intake subscribes to (Teams posts, the support mailbox): what to watch, how to read what a
 * notification points at, and how to find what no notification brought. {@link GraphSubscriptions} keeps the
 * subscriptions, {@link NotificationWorker} reads the notifications, for every source alike.
 */
public interface NotificationSource {

    /** Also the {@code source} of its stored notifications and subscriptions. */
    Channel channel();

    /** Where Graph delivers this source's notifications (also its lifecycle notifications); blank: the source is off. */
    String notificationUrl();

    /** The resources to subscribe to. */
    List<String> resources();

    String changeType();

    Duration subscriptionLifetime();

    Duration renewBefore();

    /**
     * Takes in the message a notification points at.
     *
     * @return false when the resource is not one of this source's messages
     * @throws com.mfadesk.common.graph.GraphException when Graph cannot serve it
     */
    boolean take(String resource);

    /** Queues what arrived while no notification could reach us (after a start, a removed subscription, a gap). */
    void catchUp();

    default boolean isOn() {
        return notificationUrl() != null && !notificationUrl().isBlank() && !resources().isEmpty();
    }
}
