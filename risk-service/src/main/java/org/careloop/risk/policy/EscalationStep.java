package org.careloop.risk.policy;

import java.time.Duration;
import org.careloop.risk.oncall.Tier;

/**
 * One rung: who is paged, and how long they have to acknowledge (null on a last rung that waits for
 * ever).
 */
public record EscalationStep(Tier tier, Duration ackTimeout) {}
