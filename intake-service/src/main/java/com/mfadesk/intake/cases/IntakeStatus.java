package com.mfadesk.intake.cases;

/** What intake answers for a message (CONTRACT.md). DUPLICATE is an answer, never a stored status. */
public enum IntakeStatus {
    ACCEPTED, DUPLICATE, IGNORED
}
