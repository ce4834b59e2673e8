package com.mfadesk.notify.outbox;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("send_throttle")
public record ThrottledDestination(@Id String destination, Instant blockedUntil) {
}
