package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns an analysed message into named feature values for the linear model.
 *
 * <p>Concepts get full weight and stems a smaller one: the concepts are what carries over to unseen wording and
 * other languages, while stems pick up the long tail the lexicon misses. Negated concepts are features of their
 * own ({@code c:!PHONE_LOST}) so "I did NOT lose my phone" can count against lost-phone.
 */
public final class FeatureEncoder {

    static final String BIAS = "bias";
    private static final double STEM_WEIGHT = 0.4;
    /** How much the semantic neighbours' votes count (see {@link NearestExamples}). */
    static final double NEIGHBOUR_WEIGHT = 5.0;
    private static final String[] NEIGHBOURS = java.util.Arrays.stream(Scenario.values())
        .map(s -> "knn:" + s.id()).toArray(String[]::new);
    /** Concepts that name no problem: a message with thanks and only these is a thank-you note. */
    private static final Set<String> NO_PROBLEM = Set.of("THANKS", "PRAISE", "RESOLVED", "MFA", "SIGNIN", "PHONE", "CODE",
        "MS_ACCOUNT", "WORK_ACCOUNT");

    /** Concepts that state a current problem: with one of these, thanks for earlier help is just politeness. */
    private static final Set<String> PROBLEM_SIGNALS = Set.of("NOT_RECEIVED", "CODE_LATE", "FIX_FAILED", "PHONE_AWAY",
        "PHONE_LOST", "NEW_PHONE", "NEW_NUMBER", "NOT_PROMPTED", "PASSWORD_REJECTED", "NO_ALTERNATE", "OPT_OUT", "WHY",
        "CODE_REJECTED", "LOCKED_OUT", "ERROR_CODE");

    /**
     * @param neighbours the semantic neighbours' votes per scenario, or null where the semantic layer does not read
     *                   the language
     */
    public Map<String, Double> encode(AnalyzedMessage message, double[] neighbours) {
        Map<String, Double> features = new HashMap<>();
        if (neighbours != null) {
            for (int i = 0; i < neighbours.length; i++) {
                if (neighbours[i] > 0) {
                    features.put(NEIGHBOURS[i], neighbours[i] * NEIGHBOUR_WEIGHT);
                }
            }
        }
        features.put(BIAS, 1.0);
        message.body().present().forEach(c -> features.put("c:" + c, 1.0));
        message.body().negated().forEach(c -> features.put("c:!" + c, 1.0));
        if ((message.body().has("THANKS") || message.body().has("PRAISE"))
            && NO_PROBLEM.containsAll(message.body().present())) {
            features.put("thanksOnly", 1.0);
        }
        if (message.body().has("THANKS_PAST") && !message.question() && PROBLEM_SIGNALS.stream()
            .noneMatch(message.body()::has)) {
            // "cheers for sorting my monitor yesterday": a thank-you note for help already given, whatever the topic
            features.put("thanksForPastHelp", 2.0);
        }
        message.subject().present().forEach(c -> features.merge("c:" + c, message.subjectWeight(), Math::max));
        message.stems().forEach(s -> features.put("w:" + s, STEM_WEIGHT));
        if (message.question()) {
            features.put("question", 1.0);
        }
        return features;
    }
}
