package com.mfadesk.guidance.classify;

/** A training message with its scenario. */
public record LabeledExample(Scenario scenario, String subject, String text) {
}
