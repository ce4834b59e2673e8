package com.mfadesk.intake.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param maxMessageBytes a larger message is refused with 413 (default 25 MiB, Exchange Online's own default) */
@ConfigurationProperties("intake")
public record IntakeLimits(@Bindable(defaultValue = "26214400") int maxMessageBytes) {
}
