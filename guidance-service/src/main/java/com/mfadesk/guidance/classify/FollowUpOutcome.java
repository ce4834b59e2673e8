package com.mfadesk.guidance.classify;

/** What a reply in an answered thread says about the fix it was given. */
public enum FollowUpOutcome { FIX_FAILED, RESOLVED }
