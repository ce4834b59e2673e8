package com.mfadesk.intake.email;

import com.mfadesk.testsupport.SharedDocuments;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every dev-corpus email, parsed from the real .eml: the intake status the corpus expects (IGNORED exactly when an
 * ignore reason is found), the sender, and the golden result in {@code src/test/resources/email/<id>.expected.json},
 * whose new text has been reviewed by hand against the mail.
 */
class DevCorpusEmailTest {

    private final DevCorpus corpus = new DevCorpus();
    private final EmailParser parser = new EmailParser();
    private final GoldenFiles golden = new GoldenFiles();

    @TestFactory
    Stream<DynamicTest> everyCorpusEmail() {
        if (!corpus.isAvailable()) {
            return Stream.of(DynamicTest.dynamicTest("dev corpus not found", () -> SharedDocuments.assumeAvailable(false, "shared/dev-corpus next to this clone")));
        }
        return corpus.emailCases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.expected().status(), () -> {
            ParsedEmail email = parser.parse(corpus.emailBytes(c.id()));

            assertEquals(c.sender(), email.fromAddress(), "sender");
            if ("IGNORED".equals(c.expected().status())) {
                assertNotNull(email.ignoreReason(), "the corpus expects IGNORED: " + c.note());
            } else {
                assertNull(email.ignoreReason(), "the corpus expects " + c.expected().status() + ": " + c.note());
                assertFalse(email.newText().isBlank(), "a mail taken in has new text");
            }
            golden.assertMatches(c.id() + ".expected.json", GoldenFiles.summary(email));
        }));
    }
}
