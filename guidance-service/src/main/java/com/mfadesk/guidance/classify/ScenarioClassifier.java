package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.guidance.text.Language;
import com.mfadesk.guidance.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    static final double MIN_CONFIDENCE = 0.50;
    static final double MAX_UNSAFE_MASS = 0.30;
    /**
     * Ignoring is the one outcome nobody reads afterwards, so {@code not-support} needs more confidence than a fix;
     * below this a help desk agent sees the message ({@code other}) instead.
     */
    static final double MIN_CONFIDENCE_TO_IGNORE = 0.60;

    /**
     * Lost-phone probability from which a phone-missing message is escalated as lost although left-behind is likelier:
     * a wrong escalation costs a help desk agent a minute, a wrong reply leaves a thief signed in.
     */
    static final double LOST_ESCALATE = 0.30;
    /** From here up to {@link #LOST_ESCALATE} the reply tells the user to answer "lost" if the phone is. */
    static final double LOST_ASK = 0.08;
    private static final Set<Scenario> PHONE_MISSING = EnumSet.of(Scenario.NO_PHONE_TODAY, Scenario.NEW_PHONE,
        Scenario.LOST_PHONE);

    private static final Tokenizer FOLDER = new Tokenizer();
    /** "Not stolen as far as I know, but I can't find it anywhere": a denial of theft is no denial of loss. */
    private static final Pattern STILL_MISSING = Pattern.compile("\\b(can not|could not|unable to) (find|locate)\\b"
        + "|\\b(nowhere|anywhere)\\b|\\b(it is|its|it has|has) (gone|disappeared|vanished)\\b|\\bfell out\\b"
        + "|\\bnicht (mehr )?(finden|auffindbar)\\b|\\bintrouvable\\b|\\bno (lo |la )?encuentro\\b|\\bkan (hem |het )?"
        + "niet vinden\\b|\\bnao (o |a )?encontro\\b");
    /** The phone scenarios' share below which "no other method" is not read as a phone problem (app passwords). */
    static final double NO_ALTERNATE_MASS = 0.10;

    private static final Pattern LOST_ANSWER = Pattern.compile("[^a-z]*(yes|ja|oui|si|sim)?[^a-z]*(it is |it was "
        + "|its )?(lost|stolen|verloren|gestohlen|perdu|perdue|vole|volee|perdido|perdida|robado|kwijt|gestolen"
        + "|roubado)\\b[^a-z]{0,20}(\\w+[^a-z]*){0,3}");

    private final MethodReachReader methodReach = new MethodReachReader();
    private final MessageAnalyzer analyzer;
    private final FeatureEncoder encoder;
    private final SoftmaxModel model;
    private final SentenceEmbedder embedder;
    private final NearestExamples neighbours;

    ScenarioClassifier(MessageAnalyzer analyzer, FeatureEncoder encoder, SoftmaxModel model, SentenceEmbedder embedder,
                       NearestExamples neighbours) {
        this.analyzer = analyzer;
        this.encoder = encoder;
        this.model = model;
        this.embedder = embedder;
        this.neighbours = neighbours;
    }

    /** The lexicon and stems alone: for the ablation of the evaluation command. */
    public static ScenarioClassifier train(ConceptLexicon lexicon, List<LabeledExample> examples) {
        return train(lexicon, examples, null);
    }

    /**
     * @param embedder the semantic layer, or null to train on the lexicon and stems alone
     */
    public static ScenarioClassifier train(ConceptLexicon lexicon, List<LabeledExample> examples,
                                           SentenceEmbedder embedder) {
        MessageAnalyzer analyzer = new MessageAnalyzer(lexicon);
        FeatureEncoder encoder = new FeatureEncoder();
        List<AnalyzedMessage> messages = examples.stream().map(e -> analyzer.analyze(e.subject(), e.text())).toList();
        List<float[]> embeddings = embedAll(embedder, messages);
        List<float[]> indexed = new ArrayList<>();
        List<Scenario> indexedLabels = new ArrayList<>();
        int[] position = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            position[i] = embeddings.get(i) == null ? -1 : indexed.size();
            if (embeddings.get(i) != null) {
                indexed.add(embeddings.get(i));
                indexedLabels.add(examples.get(i).scenario());
            }
        }
        NearestExamples neighbours = indexed.isEmpty() ? null : new NearestExamples(indexed, indexedLabels);
        List<double[]> votes = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            // leave-one-out: an example is its own nearest neighbour, which would teach the model to trust the votes
            // far more than they deserve on a message it has never seen
            votes.add(position[i] < 0 ? null : neighbours.votes(embeddings.get(i), position[i]));
        }
        List<Map<String, Double>> inputs = new ArrayList<>(examples.size() * 2);
        List<Scenario> labels = new ArrayList<>(examples.size() * 2);
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            LabeledExample example = examples.get(i);
            AnalyzedMessage message = messages.get(i);
            inputs.add(encoder.encode(message, votes.get(i)));
            labels.add(example.scenario());
            if (example.scenario() != Scenario.NOT_SUPPORT && !message.body().has("THANKS") && n++ % 2 == 0) {
                // most real requests end in "Thanks, Sam": without this copy the model learns THANKS = not-support;
                // the closing changes the words, not the meaning, so the copy keeps the original's sentence vector
                String closing = closing(message.language().code(), n / 2);
                inputs.add(encoder.encode(analyzer.analyze(example.subject(), example.text() + "\n" + closing),
                    votes.get(i)));
                labels.add(example.scenario());
            }
        }
        return new ScenarioClassifier(analyzer, encoder, SoftmaxModel.train(inputs, labels), embedder, neighbours);
    }

    private static List<float[]> embedAll(SentenceEmbedder embedder, List<AnalyzedMessage> messages) {
        List<float[]> out = new ArrayList<>(Collections.nCopies(messages.size(), (float[]) null));
        if (embedder == null) {
            return out;
        }
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (readsSemantically(messages.get(i))) {
                read.add(i);
            }
        }
        List<float[]> vectors = embedder.embedAll(read.stream().map(i -> messages.get(i).text()).toList());
        for (int k = 0; k < read.size(); k++) {
            out.set(read.get(k), vectors.get(k));
        }
        return out;
    }

    private static boolean readsSemantically(AnalyzedMessage message) {
        return message.language() == Language.EN;
    }

    private double[] neighbourVotes(AnalyzedMessage message) {
        return neighbours != null && readsSemantically(message)
            ? neighbours.votes(embedder.embed(message.text()), -1) : null;
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
        double[] p = model.probabilities(encoder.encode(message, neighbourVotes(message)));
        FollowUpOutcome outcome = followUp ? followUpOutcome(message.body(), message.question(), message.text()) : null;
        ConceptHits body = message.body();
        Scenario scenario;
        double confidence;
        if (followUp && saysLost(body, message.text())) {
            // "it's lost actually" after a left-at-home answer: the reply asked for exactly this word
            scenario = Scenario.LOST_PHONE;
            confidence = Math.max(p[Scenario.LOST_PHONE.ordinal()], 0.9);
        } else if (outcome == FollowUpOutcome.RESOLVED) {
            scenario = Scenario.NOT_SUPPORT;
            confidence = Math.max(p[Scenario.NOT_SUPPORT.ordinal()], 0.9);
        } else {
            if (outcome == FollowUpOutcome.FIX_FAILED || (followUp && (message.question() || body.has("LATER_TRY")))
                || asksIfGenuine(message)) {
                // the thread is still open (the fix failed, "thanks, quick question before I try it", "I'll try it
                // tonight"), or an
                // employee asks whether a mail they got is real (it may quote the whole phishing text): whatever else
                // the message says, it is not something to ignore
                p[Scenario.NOT_SUPPORT.ordinal()] = 0;
            }
            scenario = decide(p);
            confidence = scenario == Scenario.OTHER && argmax(p) != Scenario.OTHER
                ? 1 - p[argmax(p).ordinal()] : p[scenario.ordinal()];
        }
        // "I did NOT lose it, nothing was stolen": the user's own denial outweighs the words' likeness to lost phones
        boolean deniesLoss = body.negated().contains("PHONE_LOST") && !body.has("PHONE_LOST")
            && !STILL_MISSING.matcher(FOLDER.fold(message.text())).find();
        double lost = deniesLoss ? 0 : p[Scenario.LOST_PHONE.ordinal()];
        if (deniesLoss && scenario == Scenario.LOST_PHONE) {
            p[Scenario.LOST_PHONE.ordinal()] = 0;
            double rest = Arrays.stream(p).sum();
            for (int k = 0; k < p.length; k++) {
                p[k] /= rest;
            }
            scenario = decide(p);
            confidence = p[scenario.ordinal()];
        }
        if (PHONE_MISSING.contains(scenario) && lost >= LOST_ESCALATE) {
            // a thief keeps the sessions of a phone we answer as "left at home": escalate well before lost wins
            confidence = lost;
            scenario = Scenario.LOST_PHONE;
        }
        boolean lostPossible = PHONE_MISSING.contains(scenario) && scenario != Scenario.LOST_PHONE && lost >= LOST_ASK;
        MethodReachReader.Reach reach = scenario.handling() == Scenario.Handling.NEEDS_METHODS || followUp
            ? methodReach.read(message.text(), PHONE_MISSING.contains(scenario))
            : new MethodReachReader.Reach(Set.of(), false);
        Set<MethodType> outOfReach = reach.outOfReach();
        // the backup they name is out of reach and nothing is said to work: "the other option is the office phone,
        // but I'm working from home" says there is no alternate, whatever else Graph lists
        boolean backupGone = !reach.atHand() && outOfReach.stream().anyMatch(m -> m != MethodType.AUTHENTICATOR_APP);
        if (saysNoAlternate(body) && scenario.handling() == Scenario.Handling.SIMPLY_REPLIED
            && massNeedingMethods(p) >= NO_ALTERNATE_MASS) {
            // "not getting the push, and no 'Sign in another way' link either": a simple reply cannot help
            scenario = Scenario.OTHER;
        }
        return new Classification(scenario, round(confidence), saysNoAlternate(body) || backupGone, outcome,
            scenario == Scenario.APP_PASSWORD && body.has("APP_PASSWORD_RECREATED"), message.language(), outOfReach,
            lostPossible);
    }

    /**
     * A follow-up that says the phone is lost or stolen (not that it is not), or answers the reply's "lost" question
     * with the word alone, in any of the six languages.
     */
    private static boolean saysLost(ConceptHits body, String text) {
        return body.has("PHONE_LOST") || LOST_ANSWER.matcher(FOLDER.fold(text).strip()).matches();
    }

    private static double massNeedingMethods(double[] p) {
        double mass = 0;
        for (Scenario s : Scenario.values()) {
            if (s.handling() == Scenario.Handling.NEEDS_METHODS) {
                mass += p[s.ordinal()];
            }
        }
        return mass;
    }

    private static Scenario decide(double[] p) {
        Scenario best = argmax(p);
        if (best.handling() == Scenario.Handling.SIMPLY_REPLIED && massNeedingMethods(p) >= MAX_UNSAFE_MASS) {
            Scenario bestNeedingMethods = Scenario.NO_PHONE_TODAY;
            for (Scenario s : Scenario.values()) {
                if (s.handling() == Scenario.Handling.NEEDS_METHODS && p[s.ordinal()] > p[bestNeedingMethods.ordinal()]) {
                    bestNeedingMethods = s;
                }
            }
            best = p[bestNeedingMethods.ordinal()] >= MAX_UNSAFE_MASS ? bestNeedingMethods : Scenario.OTHER;
        }
        if (best == Scenario.NOT_SUPPORT && p[best.ordinal()] < MIN_CONFIDENCE_TO_IGNORE) {
            return Scenario.OTHER;
        }
        return p[best.ordinal()] < MIN_CONFIDENCE ? Scenario.OTHER : best;
    }

    /**
     * Failure wins over thanks: "the office phone worked, but I still can't change the number" is a failure, and so
     * is "thanks, but the link isn't there" (no alternate to follow the fix with). Thanks for an answer still to be
     * tried is neither.
     */
    private static FollowUpOutcome followUpOutcome(ConceptHits body, boolean question, String text) {
        if (body.has("FIX_FAILED") || body.negated().contains("RESOLVED") || saysNoAlternate(body)
            || triedAndFailed(FOLDER.fold(text))) {
            return FollowUpOutcome.FIX_FAILED;
        }
        if (body.has("RESOLVED")) {
            return FollowUpOutcome.RESOLVED;
        }
        // "thanks, I'll try it tonight": thanked for the answer, not for a fix that has worked
        return body.has("THANKS") && !question && !body.has("LATER_TRY") ? FollowUpOutcome.RESOLVED : null;
    }

    /**
     * "Did what you said, made a new app password: still 'incorrect password'": the user followed the answer and
     * says it fails, in words the lexicon's FIX_FAILED phrases do not cover.
     */
    private static boolean triedAndFailed(String folded) {
        return FOLLOWED_ADVICE.matcher(folded).find() && STILL_FAILING.matcher(folded).find()
            && !THANKS_IT_WORKED.matcher(folded).find();
    }

    private static final Pattern FOLLOWED_ADVICE = Pattern.compile("\\b(like|as) (you|the reply|your reply|your "
        + "(mail|message|email|answer)) (said|says|suggested|wrote|told|advised|recommended)\\b|\\b(did|done|tried|"
        + "followed|went through) (what|everything|all|the steps|your steps|the instructions|that|it|this)\\b"
        + "|\\btried (the|that|your|this|again|it)\\b|\\bas suggested\\b|\\bas instructed\\b|\\bwie (sie|du) "
        + "(geschrieben|gesagt|vorgeschlagen)|\\bhabe ich (gemacht|probiert|versucht)|\\bcomme (vous|tu) (l'?avez|"
        + "l'?as|me l'?avez) (dit|indique|conseille|suggere)|\\bj'?ai (essaye|suivi|fait)\\b|\\bcomo (me )?"
        + "(dijisteis|dijiste|dijeron|indicaste|sugeriste|disseram|disse|sugeriram)|\\bhe (probado|hecho|seguido)\\b"
        + "|\\bzoals (jullie|je|u) (zei|zeiden|schreef|schreven|voorstelde)|\\bheb (het )?(geprobeerd|gedaan)\\b"
        + "|\\b(tentei|fiz|segui)\\b");
    private static final Pattern STILL_FAILING = Pattern.compile("\\b(still|again|same|nothing|nope|wrong|incorrect"
        + "|fails?|failed|error|not|no luck|only|immer noch|nicht|wieder|toujours|pas|rien|sigue|todavia|nada|otra vez"
        + "|nog steeds|niet|weer|niks|ainda|nao|nada|de novo)\\b");
    private static final Pattern THANKS_IT_WORKED = Pattern.compile("\\b(it |that |which )?(worked|works|fixed it"
        + "|sorted|all good|resolved)\\b(?! for)");

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
