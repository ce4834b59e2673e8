package com.mfadesk.intake.teams;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("teams_subscription")
public record TeamsSubscription(@Id String id, String resource, Instant expiresAt, Instant createdAt) {
}
