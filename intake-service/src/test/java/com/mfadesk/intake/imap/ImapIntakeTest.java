package com.mfadesk.intake.imap;

import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.intake.cases.RejectedMessage;
import com.mfadesk.intake.cases.RejectedMessageRepository;

import com.mfadesk.intake.email.DevCorpus;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unseen mail in the IMAP folder is taken in like the POST, then flagged \Seen; nothing is taken twice. */
@MicronautTest(transactional = false)
class ImapIntakeTest extends ImapTestBase {

    private static final int SIZE_LIMIT = 200_000;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("intake.max-message-bytes", Integer.toString(SIZE_LIMIT));
        return properties;
    }

    @Test
    void everyDevCorpusMailBecomesItsCaseAndIsFlaggedSeen() {
        DevCorpus corpus = new DevCorpus();
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");
        Map<DevCorpus.Case, Long> uids = new LinkedHashMap<>();
        corpus.emailCases().forEach(c -> uids.put(c, imapServer.deliver(corpus.emailBytes(c.id()))));

        awaitSeen(new ArrayList<>(uids.values()));

        Map<String, String> caseIdByFile = new LinkedHashMap<>();
        uids.forEach((mail, uid) -> {
            Map<String, Object> found = caseOf(uid).orElseThrow(() -> new AssertionError(mail.id() + " has no case"));
            String firstCaseId = caseIdByFile.putIfAbsent(mail.file(), (String) found.get("caseId"));
            if ("DUPLICATE".equals(mail.expected().status())) {
                assertEquals(firstCaseId, found.get("caseId"), mail.id() + " is a re-send: the first copy's case");
            } else {
                assertEquals(mail.expected().status(), found.get("status"), mail.id());
            }
        });
    }

    @Test
    void mailAlreadySeenIsNotTakenIn() {
        String marker = marker();
        TestMail readByAPerson = mailAbout(marker + " read");
        TestMail unread = mailAbout(marker + " unread");
        long seenUid = imapServer.deliverSeen(readByAPerson.bytes());
        long unseenUid = imapServer.deliver(unread.bytes());

        awaitSeen(List.of(unseenUid));

        assertTrue(caseOf(unseenUid).isPresent());
        assertTrue(caseOf(seenUid).isEmpty(), "a message already \\Seen is left alone");
    }

    @Test
    void twoCopiesOfOneMailMakeOneCase() {
        String marker = marker();
        byte[] withId = mailAbout(marker + " with id").bytes();
        byte[] withoutId = mailAbout(marker + " without id").withoutMessageId().bytes();
        List<Long> uids = List.of(imapServer.deliver(withId), imapServer.deliver(withId),
                imapServer.deliver(withoutId), imapServer.deliver(withoutId));

        awaitSeen(uids);

        assertEquals(caseOf(uids.get(0)).orElseThrow().get("caseId"), caseOf(uids.get(1)).orElseThrow().get("caseId"));
        assertEquals(caseOf(uids.get(2)).orElseThrow().get("caseId"), caseOf(uids.get(3)).orElseThrow().get("caseId"));
        assertEquals(2, casesAbout(marker).size(), "one case per message, the copies answered DUPLICATE");
    }

    @Test
    void mailStoredJustBeforeACrashIsFlaggedWithoutASecondCase() {
        // what a crash between take() and \Seen leaves behind: the case is stored, the message still unseen
        String marker = marker();
        TestMail mail = mailAbout(marker);
        String caseId = postMail(mail).caseId();
        long uid = imapServer.deliver(mail.bytes());

        awaitSeen(List.of(uid));

        assertEquals(caseId, caseOf(uid).orElseThrow().get("caseId"));
        assertEquals(1, casesAbout(marker).size());
        awaitHandedOver(caseId);
        assertEquals(1, notify.handoffsOf(caseId).size(), "answered once");
    }

    @Test
    void unreadableMailIsKeptAsRejectedAndFlaggedSeen() {
        String marker = marker();
        byte[] noSender = ("Subject: no sender " + marker + "\r\nMessage-ID: <" + marker + "@nowhere.test>\r\n\r\n"
                + "Who sent this?\r\n").getBytes(StandardCharsets.US_ASCII);
        long first = imapServer.deliver(noSender);
        long copy = imapServer.deliver(noSender);

        awaitSeen(List.of(first, copy));

        List<RejectedMessage> kept = rejectedAbout(marker);
        assertEquals(1, kept.size(), "kept once, however often it is read");
        assertArrayEquals(imapServer.servedBytes(first), kept.get(0).raw(), "the bytes as the server sent them");
        assertTrue(kept.get(0).reason().startsWith("unreadable: "), kept.get(0).reason());
        assertTrue(caseOf(first).isEmpty());
    }

    @Test
    void mailOverTheSizeLimitIsKeptAsItsHeadersAndFlaggedSeen() {
        String marker = marker();
        long uid = imapServer.deliver(mailAbout(marker)
                .body(("y".repeat(76) + "\n").repeat(SIZE_LIMIT / 77 + 100)).bytes());

        awaitSeen(List.of(uid));

        List<RejectedMessage> kept = rejectedAbout(marker);
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).reason().startsWith("over the size limit"), kept.get(0).reason());
        assertTrue(kept.get(0).sizeBytes() > SIZE_LIMIT);
        assertTrue(kept.get(0).raw().length < 2_000, "only the header section");
        assertTrue(casesAbout(marker).isEmpty());
    }
}
