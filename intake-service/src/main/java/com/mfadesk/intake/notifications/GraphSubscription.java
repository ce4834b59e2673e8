package com.mfadesk.intake.notifications;

import com.mfadesk.vocabulary.Channel;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("graph_subscription")
public record GraphSubscription(@Id String id, Channel source, String resource, Instant expiresAt,
                                Instant createdAt) {
}
