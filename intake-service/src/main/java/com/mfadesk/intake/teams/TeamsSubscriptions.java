package com.mfadesk.intake.teams;

import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.common.graph.GraphException;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mfadesk.intake.lease.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Keeps one Graph subscription per configured support channel and chat source: created once intake is serving
 * (Graph validates the notification URL while subscribing), renewed well before expiry by whichever instance holds
 * the lease, re-created when Graph removes one, followed each time by a catch-up of what may have been missed.
 * Nothing happens without NOTIFICATION_URL.
 */
@Singleton
public class TeamsSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsSubscriptions.class);
    static final String REAUTHORIZATION_REQUIRED = "reauthorizationRequired";
    static final String SUBSCRIPTION_REMOVED = "subscriptionRemoved";

    private static final String LEASE = "teams-subscriptions";
    private static final Duration LEASE_TIME = Duration.ofMinutes(10);

    private final GraphServiceClient graph;
    private final TeamsSubscriptionRepository subscriptions;
    private final TeamsCatchUp catchUp;
    private final Leases leases;
    private final TeamsConfiguration teams;
    private final String notificationUrl;
    private final ExecutorService executor;
    private final Clock clock;

    public TeamsSubscriptions(GraphServiceClient graph, TeamsSubscriptionRepository subscriptions,
                              TeamsCatchUp catchUp, Leases leases, TeamsConfiguration teams,
                              @Value("${notification.url:}") String notificationUrl,
                              @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.catchUp = catchUp;
        this.leases = leases;
        this.teams = teams;
        this.notificationUrl = notificationUrl;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        if (!notificationUrl.isBlank()) {
            executor.execute(() -> {
                if (leases.tryHold(LEASE, LEASE_TIME)) {
                    ensureAll();
                }
                catchUpAll();
            });
        }
    }

    @Scheduled(fixedDelay = "${teams.renew-check:5m}", initialDelay = "${teams.renew-check:5m}")
    void renewDue() {
        if (!notificationUrl.isBlank() && leases.tryHold(LEASE, LEASE_TIME) && ensureAll()) {
            // a subscription had to be made anew (Graph had dropped it, or making it failed before): nothing was
            // delivered for it meanwhile
            catchUpAll();
        }
    }

    /** The resources to watch: each support channel, and the support chats. */
    List<String> wantedResources() {
        List<String> resources = new ArrayList<>();
        if (teams.channels() != null) {
            for (String pair : teams.channels()) {
                String[] ids = pair.trim().split("/");
                if (ids.length == 2) {
                    resources.add("/teams/" + ids[0] + "/channels/" + ids[1] + "/messages");
                }
            }
        }
        String chats = teams.chats() == null ? "" : teams.chats().trim();
        if (chats.equalsIgnoreCase("installed") && teams.appId() != null) {
            resources.add("/appCatalogs/teamsApps/" + teams.appId() + "/installedToChats/getAllMessages");
        } else if (!chats.isEmpty() && !chats.equalsIgnoreCase("installed")) {
            for (String chat : chats.split(",")) {
                resources.add("/chats/" + chat.trim() + "/messages");
            }
        }
        return resources;
    }

    /** @return whether a subscription was created (none existed, or Graph no longer knew it) */
    synchronized boolean ensureAll() {
        boolean created = false;
        for (String resource : wantedResources()) {
            try {
                created |= ensure(resource);
            } catch (GraphException e) {
                LOG.error("subscription for {} failed: {}", resource, e.getMessage());
            }
        }
        return created;
    }

    void onLifecycleEvent(String event, String subscriptionId) {
        LOG.info("lifecycle event {} for subscription {}", event, subscriptionId);
        var known = subscriptionId == null ? java.util.Optional.<TeamsSubscription>empty()
                : subscriptions.findById(subscriptionId);
        try {
            if (REAUTHORIZATION_REQUIRED.equals(event) && known.isPresent()) {
                renew(known.get());
            } else if (SUBSCRIPTION_REMOVED.equals(event)) {
                known.ifPresent(subscriptions::delete);
                ensureAll();
                catchUpAll();
            }
        } catch (GraphException e) {
            LOG.error("lifecycle event {} for {} not handled: {}", event, subscriptionId, e.getMessage());
        }
    }

    /** Lists what arrived while notifications could not reach us; a failure here is retried at the next gap. */
    void catchUpAll() {
        try {
            if (teams.channels() != null) {
                for (String pair : teams.channels()) {
                    String[] ids = pair.trim().split("/");
                    if (ids.length == 2) {
                        catchUp.channel(ids[0], ids[1]);
                    }
                }
            }
            if (teams.chats() != null && !teams.chats().isBlank()) {
                catchUp.recentChats();
            }
        } catch (GraphException e) {
            LOG.warn("catching up on missed Teams messages failed: {}", e.getMessage());
        }
    }

    /** @return true when the subscription had to be created */
    private boolean ensure(String resource) {
        var existing = subscriptions.findByResource(resource);
        Instant renewAt = clock.instant().plus(teams.renewBefore());
        if (existing.isPresent() && existing.get().expiresAt().isAfter(renewAt)) {
            return false;
        }
        if (existing.isPresent()) {
            try {
                renew(existing.get());
                return false;
            } catch (GraphException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                subscriptions.delete(existing.get());
            }
        }
        create(resource);
        return true;
    }

    private void create(String resource) {
        Instant expires = clock.instant().plus(teams.subscriptionLifetime());
        Subscription request = new Subscription();
        request.setChangeType("created,updated");
        request.setNotificationUrl(notificationUrl);
        request.setLifecycleNotificationUrl(notificationUrl);
        request.setResource(resource);
        request.setExpirationDateTime(expires.atOffset(ZoneOffset.UTC));
        request.setClientState(teams.clientState());
        Subscription created = GraphCalls.call("subscribe to " + resource, () -> graph.subscriptions().post(request));
        Instant expiresAt = created.getExpirationDateTime() == null ? expires
                : created.getExpirationDateTime().toInstant();
        subscriptions.save(new TeamsSubscription(created.getId(), resource, expiresAt, clock.instant()));
        LOG.info("subscribed to {} until {} ({})", resource, expiresAt, created.getId());
    }

    private void renew(TeamsSubscription subscription) {
        Instant expires = clock.instant().plus(teams.subscriptionLifetime());
        Subscription patch = new Subscription();
        patch.setExpirationDateTime(expires.atOffset(ZoneOffset.UTC));
        GraphCalls.run("renew " + subscription.id(),
                () -> graph.subscriptions().bySubscriptionId(subscription.id()).patch(patch));
        subscriptions.update(new TeamsSubscription(subscription.id(), subscription.resource(), expires,
                subscription.createdAt()));
        LOG.info("renewed subscription {} until {}", subscription.id(), expires);
    }
}
