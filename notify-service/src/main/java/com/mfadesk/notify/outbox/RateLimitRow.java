package com.mfadesk.notify.outbox;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** @param tatMs when the limit's next event is due on average (GCRA's theoretical arrival time), epoch ms */
@MappedEntity("rate_limit")
public record RateLimitRow(@Id String limitKey, long tatMs) {
}
