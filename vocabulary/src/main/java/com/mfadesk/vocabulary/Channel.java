package com.mfadesk.vocabulary;

/** Where a message came from, and where its answer goes. */
public enum Channel {
    EMAIL, TEAMS
}
