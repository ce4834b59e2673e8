package com.mfadesk.guidance.classify;

import java.util.Set;

/**
 * Concepts a text expresses; {@code negated} holds those only ever mentioned under a negation ("I did not lose my
 * phone"), which the model treats as a feature of its own rather than dropping.
 */
public record ConceptHits(Set<String> present, Set<String> negated) {

    public boolean has(String concept) {
        return present.contains(concept);
    }
}
