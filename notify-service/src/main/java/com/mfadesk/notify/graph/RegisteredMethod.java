package com.mfadesk.notify.graph;

import io.micronaut.core.annotation.Nullable;

/**
 * One registered sign-in method as Graph lists it, reduced to what the action rules need.
 *
 * @param type      the {@code @odata.type} without {@code #microsoft.graph.}, e.g. {@code phoneAuthenticationMethod}
 * @param phoneType {@code mobile}, {@code alternateMobile} or {@code office} for phone methods
 * @param usable    for a Temporary Access Pass: whether it can be used now
 */
public record RegisteredMethod(String type, @Nullable String phoneType, @Nullable String phoneNumber,
                               @Nullable String displayName, boolean usable) {
}
