package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse named features.
 *
 * <p>Chosen over naive Bayes because concept features are strongly correlated (a lost phone mentions "phone",
 * "lost" and "stolen"), which naive Bayes double-counts into over-confident probabilities; with L2 regularisation
 * the softmax output is a usable confidence. Trained with AdaGrad on a fixed-seed shuffle, so the same data always
 * gives the same model. Immutable once trained.
 */
public final class SoftmaxModel {

    private static final int EPOCHS = 40;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;
    private static final long SEED = 20240301L;

    private final Map<String, Integer> vocabulary;
    private final double[][] weights;

    private SoftmaxModel(Map<String, Integer> vocabulary, double[][] weights) {
        this.vocabulary = vocabulary;
        this.weights = weights;
    }

    public static SoftmaxModel train(List<Map<String, Double>> inputs, List<Scenario> labels) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<int[]> indices = new ArrayList<>(inputs.size());
        List<double[]> values = new ArrayList<>(inputs.size());
        for (Map<String, Double> features : inputs) {
            int[] idx = new int[features.size()];
            double[] val = new double[features.size()];
            int i = 0;
            for (Map.Entry<String, Double> e : features.entrySet()) {
                idx[i] = vocabulary.computeIfAbsent(e.getKey(), k -> vocabulary.size());
                val[i++] = e.getValue();
            }
            indices.add(idx);
            values.add(val);
        }
        int classes = Scenario.values().length;
        double[][] w = new double[classes][vocabulary.size()];
        double[][] g2 = new double[classes][vocabulary.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        double[] p = new double[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int n : order) {
                int[] idx = indices.get(n);
                double[] val = values.get(n);
                softmax(w, idx, val, p);
                int gold = labels.get(n).ordinal();
                for (int k = 0; k < classes; k++) {
                    double err = p[k] - (k == gold ? 1.0 : 0.0);
                    for (int j = 0; j < idx.length; j++) {
                        int f = idx[j];
                        double grad = err * val[j] + L2 * w[k][f];
                        g2[k][f] += grad * grad;
                        w[k][f] -= LEARNING_RATE * grad / Math.sqrt(g2[k][f] + 1e-8);
                    }
                }
            }
        }
        return new SoftmaxModel(Map.copyOf(vocabulary), w);
    }

    /** Class probabilities indexed by {@link Scenario#ordinal()}; unknown features are ignored. */
    public double[] probabilities(Map<String, Double> features) {
        int[] idx = new int[features.size()];
        double[] val = new double[features.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            Integer i = vocabulary.get(e.getKey());
            if (i != null) {
                idx[n] = i;
                val[n++] = e.getValue();
            }
        }
        double[] p = new double[weights.length];
        softmax(weights, java.util.Arrays.copyOf(idx, n), java.util.Arrays.copyOf(val, n), p);
        return p;
    }

    private static void softmax(double[][] w, int[] idx, double[] val, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double s = 0;
            for (int j = 0; j < idx.length; j++) {
                s += w[k][idx[j]] * val[j];
            }
            out[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < w.length; k++) {
            out[k] /= sum;
        }
    }
}
