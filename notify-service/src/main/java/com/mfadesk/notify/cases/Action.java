package com.mfadesk.notify.cases;

/** The one thing that happens to an accepted message (SCENARIOS.md, Actions). */
public enum Action {
    REPLIED, ESCALATED, IGNORED
}
