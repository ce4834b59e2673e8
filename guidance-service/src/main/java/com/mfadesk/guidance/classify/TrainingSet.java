package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hand-written training messages: one per line, {@code scenario<TAB>text} or
 * {@code scenario<TAB>subject<TAB>text}; {@code \n} in the text stands for a line break, {@code #} starts a comment.
 * A {@code .jsonl} resource holds the writers' labelled messages in the evaluation sets' format ({@code subject},
 * {@code text}, {@code followUp}, {@code expected.scenario}); follow-ups are taught only when they are a thank-you
 * note or reveal a lost phone, since the others are read for their outcome, not their scenario.
 */
public final class TrainingSet {

    private TrainingSet() {
    }

    public static List<LabeledExample> fromResources(List<String> resources) {
        List<LabeledExample> all = new ArrayList<>();
        resources.forEach(r -> all.addAll(fromResource(r)));
        return all;
    }

    public static List<LabeledExample> fromResource(String resource) {
        try (InputStream in = TrainingSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("training resource missing: " + resource);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return resource.endsWith(".jsonl") ? parseJsonLines(lines) : parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LabeledExample> parse(List<String> lines) {
        List<LabeledExample> examples = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            int n = lineNo;
            Scenario scenario = Scenario.byId(cols[0].strip()).orElseThrow(
                () -> new IllegalStateException("training line " + n + ": unknown scenario " + cols[0]));
            if (cols.length == 2) {
                examples.add(new LabeledExample(scenario, "", unescape(cols[1])));
            } else if (cols.length == 3) {
                examples.add(new LabeledExample(scenario, cols[1], unescape(cols[2])));
            } else {
                throw new IllegalStateException("training line " + n + ": expected 2 or 3 tab-separated columns");
            }
        }
        return examples;
    }

    static List<LabeledExample> parseJsonLines(List<String> lines) {
        List<LabeledExample> examples = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode message = JSON.readValue(line, JsonNode.class);
                Scenario scenario = Scenario.byId(message.get("expected").get("scenario").getStringValue())
                    .orElseThrow(() -> new IllegalStateException("unknown scenario in " + line));
                boolean followUp = message.get("followUp") != null && message.get("followUp").getBooleanValue();
                if (!followUp || scenario == Scenario.NOT_SUPPORT || scenario == Scenario.LOST_PHONE) {
                    JsonNode subject = message.get("subject");
                    examples.add(new LabeledExample(scenario, subject == null || subject.isNull() ? ""
                        : subject.getStringValue(), message.get("text").getStringValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return examples;
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
