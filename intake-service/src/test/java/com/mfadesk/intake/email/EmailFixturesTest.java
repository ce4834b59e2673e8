package com.mfadesk.intake.email;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One golden test per sample in {@code src/test/resources/email/fixtures}: {@code <client-or-bug>.eml} beside
 * {@code <client-or-bug>.expected.json}. Adding a sample is adding the .eml, running, and reviewing the baseline.
 */
class EmailFixturesTest {

    private final EmailParser parser = new EmailParser();
    private final GoldenFiles golden = new GoldenFiles();

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        Path fixtures = golden.directory().resolve("fixtures");
        try (Stream<Path> files = Files.list(fixtures)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted()
                    .toList().stream()
                    .map(file -> {
                        String name = file.getFileName().toString().replaceFirst("\\.eml$", "");
                        return DynamicTest.dynamicTest(name, () -> golden.assertMatches(
                                "fixtures/" + name + ".expected.json",
                                GoldenFiles.summary(parser.parse(Files.readAllBytes(file)))));
                    });
        }
    }
}
