package com.mfadesk.intake.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an attachment was, for the help desk: a mail part (its bytes stay in the raw message) or a Teams file or
 * hosted image (it stays in Teams, at {@code location}).
 */
@Serdeable
public record AttachmentInfo(@Nullable String name, @Nullable String contentType, @Nullable Long size,
                             @Nullable String location) {
}
