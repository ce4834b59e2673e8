package com.mfadesk.intake.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Expected results beside their samples in {@code src/test/resources/email}. A missing expected file is written
 * from the current result and the test fails, so adding a sample is one file plus a review of the baseline.
 */
final class GoldenFiles {

    private final Path directory;

    GoldenFiles() {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (Files.isDirectory(module.resolve("intake-service"))) {
            module = module.resolve("intake-service"); // run from the repository root
        }
        this.directory = module.resolve("src/test/resources/email");
    }

    Path directory() {
        return directory;
    }

    /** The fields a golden file holds: sender, threading, ignore decision, attachments and the new text. */
    static Map<String, Object> summary(ParsedEmail email) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fromAddress", email.fromAddress());
        summary.put("fromName", email.fromName());
        summary.put("replyTo", email.replyTo());
        summary.put("subject", email.subject());
        summary.put("messageId", email.messageId());
        summary.put("inReplyTo", email.inReplyTo());
        summary.put("ignoreReason", email.ignoreReason() == null ? null : email.ignoreReason().name());
        summary.put("bulk", email.bulk());
        summary.put("authenticationFailed", email.authenticationFailed());
        List<Object> attachments = new ArrayList<>();
        email.attachments().forEach(a -> attachments.add(a.name() + " (" + a.contentType() + ", " + a.size() + " bytes"
                + (a.inline() ? ", inline" : "") + ")"));
        summary.put("attachments", attachments);
        summary.put("newText", email.newText());
        return summary;
    }

    void assertMatches(String relativeName, Map<String, Object> actual) {
        Path expectedFile = directory.resolve(relativeName);
        String actualJson = TestJson.write(actual);
        if (!Files.exists(expectedFile)) {
            try {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actualJson, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail("no expected result yet: wrote the current one to " + expectedFile + "; review it, then rerun");
        }
        try {
            String expectedJson = TestJson.write(TestJson.read(Files.readString(expectedFile, StandardCharsets.UTF_8)));
            assertEquals(expectedJson, actualJson, "result differs from " + expectedFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
