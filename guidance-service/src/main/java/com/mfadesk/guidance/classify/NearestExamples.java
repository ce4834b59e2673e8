package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
import java.util.List;

/**
 * k-nearest-neighbour votes over the labelled examples' sentence vectors: for a message, the scenarios of the
 * {@link #K} most similar examples, weighted by similarity, as a distribution over scenarios. The model takes these
 * eleven numbers as features next to the lexicon's, so it learns how far to trust the semantic neighbours instead of
 * 384 raw dimensions it has too few examples to weigh. Immutable.
 */
final class NearestExamples {

    static final int K = 10;

    private final float[][] vectors;
    private final int[] labels;

    NearestExamples(List<float[]> vectors, List<Scenario> labels) {
        this.vectors = vectors.toArray(float[][]::new);
        this.labels = labels.stream().mapToInt(Enum::ordinal).toArray();
    }

    /**
     * @param exclude index of the example itself when voting for a training example (leave-one-out), else -1
     */
    double[] votes(float[] vector, int exclude) {
        int[] best = new int[K];
        double[] bestSim = new double[K];
        java.util.Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            if (i == exclude) {
                continue;
            }
            double sim = dot(vector, vectors[i]);
            if (sim > bestSim[K - 1]) {
                int at = K - 1;
                while (at > 0 && bestSim[at - 1] < sim) {
                    bestSim[at] = bestSim[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                bestSim[at] = sim;
                best[at] = i;
            }
        }
        double[] votes = new double[Scenario.values().length];
        double total = 0;
        for (int k = 0; k < K && bestSim[k] > Double.NEGATIVE_INFINITY; k++) {
            double w = Math.max(0, bestSim[k]);
            votes[labels[best[k]]] += w;
            total += w;
        }
        if (total > 0) {
            for (int s = 0; s < votes.length; s++) {
                votes[s] /= total;
            }
        }
        return votes;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
