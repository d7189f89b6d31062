package org.careloop.risk.oncall;

/**
 * The rungs of the escalation ladder. The crisis team is a team, not a shift: it always answers.
 */
public enum Tier {
    PRIMARY,
    BACKUP,
    SUPERVISOR,
    CRISIS_TEAM
}
