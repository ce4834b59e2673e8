package com.mfadesk.guidance.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks the scenario of a support message: a linear model over concept and stem features, then two guards.
 *
 * <ul>
 *   <li>Below {@link #MIN_CONFIDENCE} the answer is {@code other}: a help desk agent reads it, which is better
 *   than a confidently wrong fix.</li>
 *   <li>A simply-replied scenario (app password, why…) is not chosen while the phone-missing scenarios together
 *   hold {@link #MAX_UNSAFE_MASS} of the probability: answering those without the methods check is the unsafe
 *   direction. The best phone-missing scenario is taken instead when it is itself plausible, else {@code other}.</li>
 * </ul>
 *
 * <p>A {@code not-support} answer below {@link #MIN_CONFIDENCE_TO_IGNORE} also becomes {@code other}, and a question
 * whether a mail is genuine is never ignored, however much of the phishing text it quotes.
 *
 * Follow-ups are read for their outcome; "thanks, it worked" closes the case as {@code not-support}.
 * Thread-safe and immutable.
 */
public final class ScenarioClassifier {

    static final double MIN_CONFIDENCE = 0.40;
    static final double MAX_UNSAFE_MASS = 0.30;
    /**
     * Ignoring is the one outcome nobody reads afterwards, so {@code not-support} needs more confidence than a fix;
     * below this a help desk agent sees the message ({@code other}) instead.
     */
    static final double MIN_CONFIDENCE_TO_IGNORE = 0.60;

    private final MessageAnalyzer analyzer;
    private final FeatureEncoder encoder;
    private final SoftmaxModel model;

    ScenarioClassifier(MessageAnalyzer analyzer, FeatureEncoder encoder, SoftmaxModel model) {
        this.analyzer = analyzer;
        this.encoder = encoder;
        this.model = model;
    }

    public static ScenarioClassifier train(ConceptLexicon lexicon, List<LabeledExample> examples) {
        MessageAnalyzer analyzer = new MessageAnalyzer(lexicon);
        FeatureEncoder encoder = new FeatureEncoder();
        List<Map<String, Double>> inputs = new ArrayList<>(examples.size() * 2);
        List<Scenario> labels = new ArrayList<>(examples.size() * 2);
        int n = 0;
        for (LabeledExample example : examples) {
            AnalyzedMessage message = analyzer.analyze(example.subject(), example.text());
            inputs.add(encoder.encode(message));
            labels.add(example.scenario());
            if (example.scenario() != Scenario.NOT_SUPPORT && !message.body().has("THANKS") && n++ % 2 == 0) {
                // most real requests end in "Thanks, Sam": without this copy the model learns THANKS = not-support
                String closing = closing(message.language().code(), n / 2);
                inputs.add(encoder.encode(analyzer.analyze(example.subject(), example.text() + "\n" + closing)));
                labels.add(example.scenario());
            }
        }
        return new ScenarioClassifier(analyzer, encoder, SoftmaxModel.train(inputs, labels));
    }

    private static final Map<String, List<String>> CLOSINGS = Map.of(
        "en", List.of("Thanks,\nSam", "Many thanks\nAlex Morgan", "Cheers, Jo", "Thank you in advance!",
            "Thanks for your help,\nSam"),
        "de", List.of("Danke und Gruß\nSam", "Vielen Dank!", "Danke, Alex", "Danke für die Hilfe"),
        "fr", List.of("Merci d'avance,\nSam", "Merci !", "Merci, Alex", "Merci pour votre aide"),
        "es", List.of("Gracias,\nSam", "¡Muchas gracias!", "Gracias de antemano"),
        "nl", List.of("Bedankt,\nSam", "Alvast bedankt!", "Dank je, Alex"),
        "pt", List.of("Obrigado,\nSam", "Muito obrigada!", "Obrigado desde já"));

    private static String closing(String language, int n) {
        List<String> options = CLOSINGS.getOrDefault(language, CLOSINGS.get("en"));
        return options.get(n % options.size());
    }

    public Classification classify(String subject, String text, boolean followUp) {
        AnalyzedMessage message = analyzer.analyze(subject, text);
        double[] p = model.probabilities(encoder.encode(message));
        FollowUpOutcome outcome = followUp ? followUpOutcome(message.body(), message.question()) : null;
        Scenario scenario;
        double confidence;
        if (outcome == FollowUpOutcome.RESOLVED) {
            scenario = Scenario.NOT_SUPPORT;
            confidence = Math.max(p[Scenario.NOT_SUPPORT.ordinal()], 0.9);
        } else {
            if (outcome == FollowUpOutcome.FIX_FAILED || asksIfGenuine(message)) {
                // the thread is still open, or an employee asks whether a mail they got is real (it may quote the
                // whole phishing text): whatever else the message says, it is not something to ignore
                p[Scenario.NOT_SUPPORT.ordinal()] = 0;
            }
            scenario = decide(p);
            confidence = scenario == Scenario.OTHER && argmax(p) != Scenario.OTHER
                ? 1 - p[argmax(p).ordinal()] : p[scenario.ordinal()];
        }
        ConceptHits body = message.body();
        return new Classification(scenario, round(confidence), saysNoAlternate(body), outcome,
            scenario == Scenario.APP_PASSWORD && body.has("APP_PASSWORD_RECREATED"), message.language());
    }

    private static Scenario decide(double[] p) {
        Scenario best = argmax(p);
        if (best.handling() == Scenario.Handling.SIMPLY_REPLIED) {
            double unsafeMass = 0;
            Scenario bestNeedingMethods = Scenario.NO_PHONE_TODAY;
            for (Scenario s : Scenario.values()) {
                if (s.handling() == Scenario.Handling.NEEDS_METHODS) {
                    unsafeMass += p[s.ordinal()];
                    if (p[s.ordinal()] > p[bestNeedingMethods.ordinal()]) {
                        bestNeedingMethods = s;
                    }
                }
            }
            if (unsafeMass >= MAX_UNSAFE_MASS) {
                best = p[bestNeedingMethods.ordinal()] >= MAX_UNSAFE_MASS ? bestNeedingMethods : Scenario.OTHER;
            }
        }
        if (best == Scenario.NOT_SUPPORT && p[best.ordinal()] < MIN_CONFIDENCE_TO_IGNORE) {
            return Scenario.OTHER;
        }
        return p[best.ordinal()] < MIN_CONFIDENCE ? Scenario.OTHER : best;
    }

    /**
     * Failure wins over thanks: "the office phone worked, but I still can't change the number" is a failure, and so
     * is "thanks, but the link isn't there" (no alternate to follow the fix with).
     */
    private static FollowUpOutcome followUpOutcome(ConceptHits body, boolean question) {
        if (body.has("FIX_FAILED") || body.negated().contains("RESOLVED") || saysNoAlternate(body)) {
            return FollowUpOutcome.FIX_FAILED;
        }
        if (body.has("RESOLVED") || (body.has("THANKS") && !question)) {
            return FollowUpOutcome.RESOLVED;
        }
        return null;
    }

    /** "I got a weird mail asking me to verify my account, is it real?": a question about a mail, not the mail. */
    private static boolean asksIfGenuine(AnalyzedMessage message) {
        return message.question() && message.body().has("ASKS_IF_GENUINE");
    }

    /**
     * The user has no other method, cannot use it, or does not see the link to pick one: said in one phrase
     * ({@code NO_ALTERNATE}), or as the link / button in one clause and "it's not there" in another.
     */
    static boolean saysNoAlternate(ConceptHits body) {
        return body.has("NO_ALTERNATE") || (body.has("ALT_LINK") && body.has("NOT_SHOWN"));
    }

    private static Scenario argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return Scenario.values()[best];
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
