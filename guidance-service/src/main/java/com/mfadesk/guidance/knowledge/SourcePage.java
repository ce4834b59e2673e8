package com.mfadesk.guidance.knowledge;

import io.micronaut.serde.annotation.Serdeable;

/** A help page the fixes come from; {@code label} (title and year) is what responses cite. */
@Serdeable
public record SourcePage(String id, String title, String published, String label, String url) {
}
