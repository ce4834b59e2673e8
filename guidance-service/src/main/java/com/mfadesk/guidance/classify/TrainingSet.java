package com.mfadesk.guidance.classify;

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
 */
public final class TrainingSet {

    private TrainingSet() {
    }

    public static List<LabeledExample> fromResource(String resource) {
        try (InputStream in = TrainingSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("training resource missing: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
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

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
