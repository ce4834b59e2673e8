package com.mfadesk.guidance.api;

import io.micronaut.serde.annotation.Serdeable;

/** Where the message came from. */
@Serdeable
public enum Channel { EMAIL, TEAMS }
