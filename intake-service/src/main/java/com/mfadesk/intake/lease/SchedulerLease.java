package com.mfadesk.intake.lease;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("scheduler_lease")
public record SchedulerLease(@Id String name, String owner, Instant leaseUntil) {
}
