package com.mfadesk.intake.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A Graph change-notification delivery: resource notifications and lifecycle notifications share the envelope. */
@Serdeable
public record ChangeNotifications(@Nullable List<Item> value) {

    @Serdeable
    public record Item(@Nullable String subscriptionId, @Nullable String clientState, @Nullable String changeType,
                       @Nullable String resource, @Nullable String lifecycleEvent, @Nullable String tenantId) {
    }
}
