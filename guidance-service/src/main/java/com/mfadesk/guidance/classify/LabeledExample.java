package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
/** A training message with its scenario. */
public record LabeledExample(Scenario scenario, String subject, String text) {
}
