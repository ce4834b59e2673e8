package com.mfadesk.intake.teams;

import com.mfadesk.intake.notifications.GraphSubscriptionRepository;
import com.mfadesk.intake.notifications.GraphSubscriptions;
import com.mfadesk.intake.notifications.GraphSubscription;

import com.mfadesk.intake.lease.Leases;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.TeamsTestBase;
import com.mfadesk.intake.support.TestClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions are renewed before they expire, judged by the services' clock: the {@link TestClock} is moved
 * instead of sleeping and the renewal check ({@link GraphSubscriptions#renewDue()}, normally scheduled) is run.
 * With two intake instances on one database only the lease holder renews.
 */
@MicronautTest(transactional = false)
class TeamsSubscriptionRenewalTest extends TeamsTestBase {

    @Inject
    GraphSubscriptions teamsSubscriptions;

    @Inject
    GraphSubscriptionRepository subscriptions;

    @Inject
    TeamsConfiguration teams;

    @Inject
    Leases leases;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("teams.renew-check", "1h"); // the test runs the check itself
        return properties;
    }

    @Test
    void renewalHappensBeforeExpiryAndNotEarlier() {
        Map<String, Instant> expiries = awaitSubscriptions();
        int renewals = graph.subscriptionRenewals().size();
        int creations = graph.subscriptionCreations().size();
        Map<String, Integer> patchesBefore = new HashMap<>();
        expiries.keySet().forEach(id -> patchesBefore.put(id, graph.renewalsOf(id).size()));

        teamsSubscriptions.renewDue();
        assertEquals(renewals, graph.subscriptionRenewals().size(), "clock not moved: nothing to renew");

        Instant due = expiries.values().stream().min(Instant::compareTo).orElseThrow().minus(teams.renewBefore());
        testClock().advance(Duration.between(clock.instant(), due).minus(Duration.ofMinutes(10)));
        teamsSubscriptions.renewDue();
        assertEquals(renewals, graph.subscriptionRenewals().size(), "10 minutes before the renewal is due");

        testClock().advance(Duration.ofMinutes(11));
        teamsSubscriptions.renewDue();

        assertEquals(renewals + expiries.size(), graph.subscriptionRenewals().size(), "one PATCH each");
        for (Map.Entry<String, Instant> subscription : expiries.entrySet()) {
            var patches = graph.renewalsOf(subscription.getKey());
            assertEquals(patchesBefore.get(subscription.getKey()) + 1, patches.size(), subscription.getKey());
            Instant requested = OffsetDateTime.parse((String) parse(patches.get(patches.size() - 1).getBodyAsString())
                    .get("expirationDateTime")).toInstant();
            assertTrue(requested.isAfter(subscription.getValue()), "later than " + subscription.getValue());
            assertTrue(!requested.isAfter(clock.instant().plus(Duration.ofMinutes(4320))), "within Graph's limit");
            assertTrue(subscription.getValue().isAfter(clock.instant()), "renewed before it expired");
            // seconds: MySQL Connector/J sends no fractional seconds to MariaDB (it takes it for MySQL 5.5)
            assertEquals(requested.getEpochSecond(),
                    subscriptions.findById(subscription.getKey()).orElseThrow().expiresAt().getEpochSecond());
        }
        assertEquals(creations, graph.subscriptionCreations().size(), "renewed, not re-created");

        teamsSubscriptions.renewDue();
        assertEquals(renewals + expiries.size(), graph.subscriptionRenewals().size(), "renewed once");
    }

    @Test
    void withTwoInstancesOnOneDatabaseOnlyTheLeaseHolderRenews() throws Exception {
        Map<String, Instant> expiries = awaitSubscriptions();
        Map<String, Object> properties = new HashMap<>(getProperties());
        try (ApplicationContext other = ApplicationContext.run(properties, "test")) {
            TestClock otherClock = (TestClock) other.getBean(Clock.class);
            GraphSubscriptions otherSubscriptions = other.getBean(GraphSubscriptions.class);
            Leases otherLeases = other.getBean(Leases.class);
            Instant due = expiries.values().stream().min(Instant::compareTo).orElseThrow()
                    .minus(teams.renewBefore()).plus(Duration.ofMinutes(1));
            testClock().advance(Duration.between(clock.instant(), due));
            otherClock.advance(testClock().offset().minus(otherClock.offset()));
            int renewals = graph.subscriptionRenewals().size();

            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Void> mine = CompletableFuture.runAsync(() -> {
                await(start);
                teamsSubscriptions.renewDue();
            });
            CompletableFuture<Void> theirs = CompletableFuture.runAsync(() -> {
                await(start);
                otherSubscriptions.renewDue();
            });
            start.countDown();
            CompletableFuture.allOf(mine, theirs).get();

            assertEquals(renewals + expiries.size(), graph.subscriptionRenewals().size(),
                    "each subscription renewed once, by one instance");

            // the lease: whoever holds it keeps it, the other is refused until it runs out
            boolean iHold = leases.tryHold("teams-subscriptions", Duration.ofMinutes(10));
            boolean theyHold = otherLeases.tryHold("teams-subscriptions", Duration.ofMinutes(10));
            assertNotEquals(iHold, theyHold, "exactly one holds the lease");
            testClock().advance(Duration.ofMinutes(11));
            otherClock.advance(Duration.ofMinutes(11));
            assertTrue(iHold ? otherLeases.tryHold("teams-subscriptions", Duration.ofMinutes(10))
                    : leases.tryHold("teams-subscriptions", Duration.ofMinutes(10)), "an expired lease is free");
        }
    }

    private Map<String, Instant> awaitSubscriptions() {
        Eventually.await("both subscriptions stored", () -> subscriptions.count() == 2);
        Map<String, Instant> expiries = new HashMap<>();
        List<GraphSubscription> all = StreamSupport.stream(subscriptions.findAll().spliterator(), false).toList();
        all.forEach(s -> expiries.put(s.id(), s.expiresAt()));
        return expiries;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
