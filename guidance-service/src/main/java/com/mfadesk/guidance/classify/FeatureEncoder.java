package com.mfadesk.guidance.classify;

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
    /** Concepts that name no problem: a message with thanks and only these is a thank-you note. */
    private static final Set<String> NO_PROBLEM = Set.of("THANKS", "PRAISE", "RESOLVED", "MFA", "SIGNIN", "PHONE", "CODE",
        "MS_ACCOUNT", "WORK_ACCOUNT");

    public Map<String, Double> encode(AnalyzedMessage message) {
        Map<String, Double> features = new HashMap<>();
        features.put(BIAS, 1.0);
        message.body().present().forEach(c -> features.put("c:" + c, 1.0));
        message.body().negated().forEach(c -> features.put("c:!" + c, 1.0));
        if ((message.body().has("THANKS") || message.body().has("PRAISE"))
            && NO_PROBLEM.containsAll(message.body().present())) {
            features.put("thanksOnly", 1.0);
        }
        message.subject().present().forEach(c -> features.merge("c:" + c, message.subjectWeight(), Math::max));
        message.stems().forEach(s -> features.put("w:" + s, STEM_WEIGHT));
        if (message.question()) {
            features.put("question", 1.0);
        }
        return features;
    }
}
