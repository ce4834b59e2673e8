package com.mfadesk.intake.cases;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The bytes as received, kept so a message can be re-read or re-processed whatever the parser made of it. */
@MappedEntity("raw_message")
public record RawMessage(@Id String caseId, byte[] content, int sizeBytes) {
}
