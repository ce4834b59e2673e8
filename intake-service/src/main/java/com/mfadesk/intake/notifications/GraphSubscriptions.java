package com.mfadesk.intake.notifications;

import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.common.graph.GraphException;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.lease.Leases;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Keeps one Graph subscription per resource of every source that is on: created once intake is serving (Graph
 * validates the notification URL while subscribing), renewed well before expiry by whichever instance holds the
 * lease, re-created when Graph removes one, each gap followed by the source's catch-up.
 */
@Singleton
public class GraphSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSubscriptions.class);
    static final String REAUTHORIZATION_REQUIRED = "reauthorizationRequired";
    static final String SUBSCRIPTION_REMOVED = "subscriptionRemoved";
    static final String MISSED = "missed";

    private static final String LEASE = "graph-subscriptions";
    private static final Duration LEASE_TIME = Duration.ofMinutes(10);

    private final GraphServiceClient graph;
    private final GraphSubscriptionRepository subscriptions;
    private final List<NotificationSource> sources;
    private final Leases leases;
    private final ClientState clientState;
    private final ExecutorService executor;
    private final Clock clock;

    public GraphSubscriptions(GraphServiceClient graph, GraphSubscriptionRepository subscriptions,
                              List<NotificationSource> sources, Leases leases, ClientState clientState,
                              @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.sources = sources;
        this.leases = leases;
        this.clientState = clientState;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        if (sources.stream().anyMatch(NotificationSource::isOn)) {
            executor.execute(() -> {
                if (leases.tryHold(LEASE, LEASE_TIME)) {
                    for (NotificationSource source : sourcesOn()) {
                        ensureAll(source);
                    }
                }
                sourcesOn().forEach(this::catchUp);
            });
        }
    }

    @Scheduled(fixedDelay = "${teams.renew-check:5m}", initialDelay = "${teams.renew-check:5m}")
    public void renewDue() {
        if (sourcesOn().isEmpty() || !leases.tryHold(LEASE, LEASE_TIME)) {
            return;
        }
        for (NotificationSource source : sourcesOn()) {
            if (ensureAll(source)) {
                // a subscription had to be made anew (Graph had dropped it, or making it failed before): nothing was
                // delivered for it meanwhile
                catchUp(source);
            }
        }
    }

    void onLifecycleEvent(Channel channel, String event, String subscriptionId) {
        LOG.info("lifecycle event {} for subscription {}", event, subscriptionId);
        Optional<NotificationSource> source = sourcesOn().stream().filter(s -> s.channel() == channel).findFirst();
        if (source.isEmpty()) {
            return;
        }
        Optional<GraphSubscription> known = subscriptionId == null ? Optional.empty()
                : subscriptions.findById(subscriptionId);
        try {
            if (REAUTHORIZATION_REQUIRED.equals(event) && known.isPresent()) {
                renew(known.get(), source.get());
                catchUp(source.get());
            } else if (SUBSCRIPTION_REMOVED.equals(event)) {
                known.ifPresent(subscriptions::delete);
                ensureAll(source.get());
                catchUp(source.get());
            } else if (MISSED.equals(event)) {
                catchUp(source.get());
            }
        } catch (GraphException e) {
            LOG.error("lifecycle event {} for {} not handled: {}", event, subscriptionId, e.getMessage());
        }
    }

    /** @return whether a subscription was created (none existed, or Graph no longer knew it) */
    synchronized boolean ensureAll(NotificationSource source) {
        boolean created = false;
        for (String resource : source.resources()) {
            try {
                created |= ensure(source, resource);
            } catch (GraphException e) {
                LOG.error("subscription for {} failed: {}", resource, e.getMessage());
            }
        }
        return created;
    }

    /** A failure here is retried at the next gap. */
    private void catchUp(NotificationSource source) {
        try {
            source.catchUp();
        } catch (GraphException e) {
            LOG.warn("catching up on missed {} messages failed: {}", source.channel(), e.getMessage());
        }
    }

    private List<NotificationSource> sourcesOn() {
        return sources.stream().filter(NotificationSource::isOn).toList();
    }

    /** @return true when the subscription had to be created */
    private boolean ensure(NotificationSource source, String resource) {
        Optional<GraphSubscription> existing = subscriptions.findByResource(resource);
        Instant renewAt = clock.instant().plus(source.renewBefore());
        if (existing.isPresent() && existing.get().expiresAt().isAfter(renewAt)) {
            return false;
        }
        if (existing.isPresent()) {
            try {
                renew(existing.get(), source);
                return false;
            } catch (GraphException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                subscriptions.delete(existing.get());
            }
        }
        create(source, resource);
        return true;
    }

    private void create(NotificationSource source, String resource) {
        Instant expires = clock.instant().plus(source.subscriptionLifetime());
        Subscription request = new Subscription();
        request.setChangeType(source.changeType());
        request.setNotificationUrl(source.notificationUrl());
        request.setLifecycleNotificationUrl(source.notificationUrl());
        request.setResource(resource);
        request.setExpirationDateTime(expires.atOffset(ZoneOffset.UTC));
        request.setClientState(clientState.value());
        Subscription created = GraphCalls.call("subscribe to " + resource, () -> graph.subscriptions().post(request));
        Instant expiresAt = created.getExpirationDateTime() == null ? expires
                : created.getExpirationDateTime().toInstant();
        subscriptions.save(new GraphSubscription(created.getId(), source.channel(), resource, expiresAt,
                clock.instant()));
        LOG.info("subscribed to {} until {} ({})", resource, expiresAt, created.getId());
    }

    private void renew(GraphSubscription subscription, NotificationSource source) {
        Instant expires = clock.instant().plus(source.subscriptionLifetime());
        Subscription patch = new Subscription();
        patch.setExpirationDateTime(expires.atOffset(ZoneOffset.UTC));
        GraphCalls.run("renew " + subscription.id(),
                () -> graph.subscriptions().bySubscriptionId(subscription.id()).patch(patch));
        subscriptions.update(new GraphSubscription(subscription.id(), subscription.source(), subscription.resource(),
                expires, subscription.createdAt()));
        LOG.info("renewed subscription {} until {}", subscription.id(), expires);
    }
}
