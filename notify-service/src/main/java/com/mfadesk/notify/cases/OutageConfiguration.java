package com.mfadesk.notify.cases;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * When one scenario spikes — {@code threshold} cases within {@code window}, e.g. 30 "code never arrives" in ten
 * minutes — MFA itself is probably down: the help desk is alerted once, and the answers keep flowing.
 */
@ConfigurationProperties("outage")
public record OutageConfiguration(@Bindable(defaultValue = "30") int threshold,
                                  @Bindable(defaultValue = "10m") Duration window) {
}
