package com.mfadesk.common.vocabulary;

/** Where a message came from, and where its answer goes. */
public enum Channel {
    EMAIL, TEAMS
}
