package com.mfadesk.notify.graph;

import io.micronaut.core.annotation.Nullable;

/** A user of the tenant as found in Entra ID. */
public record DirectoryUser(String id, @Nullable String displayName, @Nullable String mail) {
}
