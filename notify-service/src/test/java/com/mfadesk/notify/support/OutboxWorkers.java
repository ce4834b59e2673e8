package com.mfadesk.notify.support;

import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.outbox.OutboxRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * notify instances of their own for tests that stop a worker in the middle of a send: each serves on a free port and
 * polls the outbox often, on the test's database.
 */
public final class OutboxWorkers {

    private OutboxWorkers() {
    }

    /**
     * The test class's own context with these properties takes no part in the outbox (its poll comes once an hour),
     * and a lease expires in 2 s, so a worker taking over a dead one's entry need not wait long.
     */
    public static Map<String, String> leftToWorkers(Map<String, String> properties) {
        Map<String, String> quiet = new HashMap<>(properties);
        quiet.put("outbox.poll-interval", "1h");
        quiet.put("outbox.lease", "2s");
        return quiet;
    }

    public static ApplicationContext start(Map<String, String> properties) {
        Map<String, Object> worker = new HashMap<>(properties);
        worker.put("micronaut.server.port", "-1");
        worker.put("outbox.poll-interval", "50ms");
        return ApplicationContext.run(EmbeddedServer.class, worker, "test").getApplicationContext();
    }

    /** Whether every message to the case's user has gone out, as the given instance sees it. */
    public static boolean userMessagesDone(ApplicationContext context, String caseId) {
        return context.getBean(OutboxRepository.class).findByCaseId(caseId).stream()
                .filter(entry -> entry.kind() == OutboxKind.USER_MESSAGE)
                .allMatch(entry -> OutboxEntry.DONE.equals(entry.status()));
    }
}
