package com.mfadesk.intake.cases;

/** The answer to "take this message in": its case and the status to report. */
public record CaseRegistration(String caseId, IntakeStatus status, String reason) {
}
