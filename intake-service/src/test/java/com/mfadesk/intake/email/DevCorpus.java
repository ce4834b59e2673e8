package com.mfadesk.intake.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared development corpus ({@code shared/dev-corpus} beside the repository), for tests in any package.
 *
 * <p>Found by walking up from the working directory until a directory holding {@code shared/dev-corpus} appears;
 * the system property {@code mfadesk.devCorpus} or the environment variable {@code MFADESK_DEV_CORPUS} point
 * elsewhere. A clone without the corpus has none: check {@link #isAvailable()} with
 * {@code SharedDocuments.assumeAvailable} (skipped on a developer's clone, failed under CI).
 *
 * <pre>{@code
 * DevCorpus corpus = new DevCorpus();
 * SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");
 * byte[] mail = corpus.emailBytes("h002");
 * corpus.emailCases().forEach(c -> ...c.expected().status()...);
 * }</pre>
 */
public final class DevCorpus {

    /** A line of {@code cases.jsonl}; see the corpus's FORMAT.md. */
    public record Case(String id, String channel, String file, String sender, String followUpOf, String resource,
                       String changeType, Expected expected, String note) {

        public boolean isEmail() {
            return "EMAIL".equals(channel);
        }
    }

    /** What the case should come to: scenario, action, escalation reason and intake status. */
    public record Expected(String scenario, String action, String reason, String status) {
    }

    private final Path root;

    public DevCorpus() {
        this(Path.of(System.getProperty("user.dir")));
    }

    public DevCorpus(Path startDirectory) {
        this.root = locate(startDirectory).orElse(null);
    }

    public boolean isAvailable() {
        return root != null;
    }

    /** The corpus directory; fails when {@link #isAvailable()} is false. */
    public Path root() {
        if (root == null) {
            throw new IllegalStateException("no shared/dev-corpus found above " + System.getProperty("user.dir")
                    + "; set -Dmfadesk.devCorpus=<dir> or MFADESK_DEV_CORPUS");
        }
        return root;
    }

    /** Every case, in arrival order. */
    public List<Case> cases() {
        try {
            return Files.readAllLines(root().resolve("cases.jsonl"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(DevCorpus::toCase)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Case> emailCases() {
        return cases().stream().filter(Case::isEmail).toList();
    }

    public Case caseById(String id) {
        return cases().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id + " in the dev corpus"));
    }

    /** The message file of a case (for a re-send such as h247 this is the original's file). */
    public Path file(String id) {
        return root().resolve(caseById(id).file());
    }

    /** The .eml file of an email case. */
    public Path emailFile(String id) {
        Case c = caseById(id);
        if (!c.isEmail()) {
            throw new IllegalArgumentException(id + " is a " + c.channel() + " case, not an email");
        }
        return root().resolve(c.file());
    }

    public byte[] emailBytes(String id) {
        try {
            return Files.readAllBytes(emailFile(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code users.json}: the directory Graph would serve, as plain maps. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> users() {
        try {
            return (Map<String, Object>) TestJson.read(Files.readString(root().resolve("users.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> locate(Path start) {
        String configured = System.getProperty("mfadesk.devCorpus", System.getenv("MFADESK_DEV_CORPUS"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isRegularFile(path.resolve("cases.jsonl")) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("dev-corpus");
            if (Files.isRegularFile(candidate.resolve("cases.jsonl"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Case toCase(String line) {
        Map<String, Object> json = (Map<String, Object>) TestJson.read(line);
        Map<String, Object> expected = (Map<String, Object>) json.getOrDefault("expected", Map.of());
        return new Case(str(json, "id"), str(json, "channel"), str(json, "file"), str(json, "sender"),
                str(json, "followUpOf"), str(json, "resource"), str(json, "changeType"),
                new Expected(str(expected, "scenario"), str(expected, "action"), str(expected, "reason"),
                        str(expected, "status")),
                str(json, "note"));
    }

    private static String str(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : value.toString();
    }
}
