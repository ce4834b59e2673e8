package com.mfadesk.intake.cases;

public enum Channel {
    EMAIL, TEAMS
}
