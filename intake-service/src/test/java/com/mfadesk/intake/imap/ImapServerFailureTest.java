package com.mfadesk.intake.imap;

import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IMAP server fails in the ways real ones do: it hangs up in the middle of a FETCH, refuses connections, goes
 * silent, or drops an idle connection; or the database cannot store for a while. Afterwards every message is taken
 * in exactly once and none is lost.
 */
@MicronautTest(transactional = false)
class ImapServerFailureTest extends ImapTestBase {

    private static final int LARGE_BODY_LINES = 4_000;

    @Test
    void connectionsHungUpMidFetchLoseNothingAndTakeNothingTwice() {
        String marker = marker();
        proxy.mode(UnreliableProxy.Mode.REFUSE);
        proxy.dropAll();
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uids.add(imapServer.deliver(mailAbout(marker + " small " + i).bytes()));
        }
        long large = imapServer.deliver(mailAbout(marker + " large")
                .body(("z".repeat(76) + "\n").repeat(LARGE_BODY_LINES) + "END OF THE LARGE MESSAGE\n").bytes());
        uids.add(large);
        uids.add(imapServer.deliver(mailAbout(marker + " without id").withoutMessageId().bytes()));
        uids.add(imapServer.deliver(mailAbout(marker + " last").bytes()));
        // the first connection is hung up early (log-in, search or the first small message), the second 100 kB
        // into the server's answers: inside the FETCH of the ~300 kB message, after the small ones before it
        proxy.cutNextConnectionsAfter(List.of(1_500L, 100_000L));
        proxy.mode(UnreliableProxy.Mode.FORWARD);

        awaitSeen(uids);

        assertEquals(2, proxy.cutsMade(), "both connections were hung up");
        for (long uid : uids) {
            assertTrue(caseOf(uid).isPresent(), "message " + uid + " has its case");
        }
        List<InboundCase> taken = casesAbout(marker);
        assertEquals(uids.size(), taken.size(), "one case per message, none from a cut-off copy");
        String largeCaseId = (String) caseOf(large).orElseThrow().get("caseId");
        assertArrayEquals(imapServer.servedBytes(large), rawMessages.findById(largeCaseId).orElseThrow().content(),
                "the large message stored whole, as the server holds it");
        assertTrue(rejectedAbout(marker).isEmpty());
    }

    @Test
    void mailIsLeftUnseenWhileTheDatabaseCannotStoreIt() throws Exception {
        String marker = marker();
        long uid;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement sql = connection.createStatement()) {
            sql.execute("RENAME TABLE inbound_case TO inbound_case_away");
            try {
                uid = imapServer.deliver(mailAbout(marker).bytes());
                Thread.sleep(1_500);
                assertFalse(imapServer.isSeen(uid), "reading it did not flag it, and it was not stored");
            } finally {
                sql.execute("RENAME TABLE inbound_case_away TO inbound_case");
            }
        }

        awaitSeen(List.of(uid));
        assertEquals(1, casesAbout(marker).size());
    }

    @Test
    void unreachableServerIsRetriedWithBackoffNotInALoop() throws InterruptedException {
        proxy.mode(UnreliableProxy.Mode.REFUSE);
        proxy.dropAll();
        int before = proxy.connections();

        Thread.sleep(4_000);

        int attempts = proxy.connections() - before;
        // polls every 200 ms would try 20 times; the back-off (200 ms, 400 ms, 800 ms, then 1 s) about 6 times
        assertTrue(attempts >= 2 && attempts <= 8, attempts + " attempts in 4 s");
        proxy.heal();
        long uid = imapServer.deliver(mailAbout(marker()).bytes());
        awaitSeen(List.of(uid));
        assertTrue(caseOf(uid).isPresent());
    }

    @Test
    void silentServerTimesOutAndPollingGoesOn() throws InterruptedException {
        proxy.mode(UnreliableProxy.Mode.SILENT);
        proxy.dropAll();
        long uid = imapServer.deliver(mailAbout(marker()).bytes());
        int before = proxy.connections();

        Thread.sleep(3_500);

        assertTrue(proxy.connections() - before >= 2, "gave up on the silent connection and tried again");
        assertTrue(caseOf(uid).isEmpty());
        proxy.heal();
        awaitSeen(List.of(uid));
        assertTrue(caseOf(uid).isPresent());
    }

    @Test
    void connectionDroppedBetweenPollsIsOpenedAgain() {
        long first = imapServer.deliver(mailAbout(marker()).bytes());
        awaitSeen(List.of(first));
        int before = proxy.connections();

        proxy.dropAll();
        TestMail next = mailAbout(marker());
        long second = imapServer.deliver(next.bytes());

        awaitSeen(List.of(second));
        assertTrue(caseOf(second).isPresent());
        assertTrue(proxy.connections() > before, "connected again");
    }
}
