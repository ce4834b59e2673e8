package com.mfadesk.testsupport;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedDocumentsTest {

    @Test
    void aMissingCorpusSkipsOnADevelopersClone() {
        assertThrows(TestAbortedException.class, () -> SharedDocuments.assumeAvailable(false, "shared/dev-corpus", null));
    }

    @Test
    void aMissingCorpusFailsUnderCi() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> SharedDocuments.assumeAvailable(false, "shared/dev-corpus", "true"));
        assertTrue(failure.getMessage().contains("shared/dev-corpus"), failure.getMessage());
    }

    @Test
    void aPresentCorpusRunsEverywhere() {
        assertDoesNotThrow(() -> SharedDocuments.assumeAvailable(true, "shared/dev-corpus", "true"));
    }
}
