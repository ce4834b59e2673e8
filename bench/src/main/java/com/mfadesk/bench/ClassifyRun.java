package com.mfadesk.bench;

import com.mfadesk.guidance.classify.Classification;
import com.mfadesk.guidance.classify.ClassifierResources;
import com.mfadesk.guidance.classify.ConceptLexicon;
import com.mfadesk.guidance.classify.LabeledExample;
import com.mfadesk.guidance.classify.ScenarioClassifier;
import com.mfadesk.guidance.classify.SentenceEmbedder;
import com.mfadesk.guidance.classify.TrainingSet;
import com.mfadesk.intake.email.EmailParser;
import com.mfadesk.intake.email.ParsedEmail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Figure 2: the classifier guidance-service runs for every message ({@link ScenarioClassifier#classify}, what
 * {@code GuidanceService} calls), on one thread, timed call by call: throughput and latency percentiles.
 * Texts: the new text of every dev-corpus mail as intake extracts it, and the training messages.
 */
final class ClassifyRun {

    /**
     * Issue 12's targets once the semantic layer embeds every English message (about 4 ms of ONNX inference):
     * Exchange sends about 30 answers a minute per mailbox, so classification is nowhere near the bottleneck.
     */
    static final double TARGET_PER_SECOND = 200;
    static final double TARGET_P99_MS = 25.0;

    private ClassifyRun() {
    }

    record Text(String subject, String text, boolean followUp) {
    }

    static void run(Report report, Path root) {
        long trainStart = System.nanoTime();
        List<LabeledExample> examples = TrainingSet.fromResources(ClassifierResources.TRAINING);
        // the product's classifier: lexicon, stems and the semantic layer's sentence embeddings
        ScenarioClassifier classifier = ScenarioClassifier.train(
                ConceptLexicon.fromResource(ClassifierResources.LEXICON), examples, new SentenceEmbedder());
        double trainMs = (System.nanoTime() - trainStart) / 1e6;

        List<Text> texts = new ArrayList<>();
        EmailParser parser = new EmailParser();
        for (byte[] mail : Mails.corpus(root)) {
            try {
                ParsedEmail parsed = parser.parse(mail);
                texts.add(new Text(parsed.subject(), parsed.newText() == null ? "" : parsed.newText(),
                        !parsed.inReplyTo().isEmpty()));
            } catch (RuntimeException unreadable) {
                // the corpus has deliberately broken mail; it never reaches guidance
            }
        }
        int fromCorpus = texts.size();
        for (LabeledExample example : examples) {
            texts.add(new Text(example.subject() == null ? "" : example.subject(), example.text(), false));
        }
        Collections.shuffle(texts, new Random(11));
        Text[] all = texts.toArray(Text[]::new);

        long warmupNanos = Long.getLong("bench.classify.warmup-seconds", 5) * 1_000_000_000L;
        long measureNanos = Long.getLong("bench.classify.seconds", 10) * 1_000_000_000L;
        long sink = 0;
        int i = 0;
        long end = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < end) {
            Text t = all[i++ % all.length];
            sink += classifier.classify(t.subject(), t.text(), t.followUp()).scenario().ordinal();
        }
        long[] samples = new long[1 << 20];
        int n = 0;
        long start = System.nanoTime();
        end = start + measureNanos;
        long now = start;
        while (now < end) {
            Text t = all[i++ % all.length];
            long before = now;
            Classification c = classifier.classify(t.subject(), t.text(), t.followUp());
            now = System.nanoTime();
            sink += c.scenario().ordinal();
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = now - before;
        }
        double seconds = (now - start) / 1e9;
        Arrays.sort(samples, 0, n);
        double perSecond = n / seconds;
        double p50 = Report.percentileMs(samples, n, 50);
        double p99 = Report.percentileMs(samples, n, 99);
        double p999 = Report.percentileMs(samples, n, 99.9);
        double max = samples[n - 1] / 1e6;

        System.out.println();
        System.out.println("== 2. Classification: ScenarioClassifier.classify on one thread (" + all.length + " texts: "
                + fromCorpus + " dev-corpus mails, " + (all.length - fromCorpus) + " training messages; sink " + (sink & 1) + ")");
        report.atLeast("classify: messages/s on one thread", Report.f0(perSecond) + "/s",
                "target " + Report.f0(TARGET_PER_SECOND) + "/s", perSecond / TARGET_PER_SECOND, 1.0);
        report.atMost("classify: p99 latency", Report.f3(p99) + " ms (p50 " + Report.f3(p50) + ", p99.9 "
                + Report.f3(p999) + ", max " + Report.f2(max) + ")", "target " + TARGET_P99_MS + " ms",
                p99 / TARGET_P99_MS, 1.0);
        report.info("classifier training at start-up", Report.f0(trainMs) + " ms (" + examples.size() + " examples)");
    }
}
