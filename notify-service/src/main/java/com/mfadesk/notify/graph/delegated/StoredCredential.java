package com.mfadesk.notify.graph.delegated;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("delegated_credential")
public record StoredCredential(@Id String name, String ciphertext, Instant updatedAt) {
}
