package org.careloop.risk.alert;

/**
 * One alert step as the consoles get it, at its place in the order steps committed in; or, without
 * a notice, the place a console's stream starts from.
 */
public record AlertStep(long position, AlertNotice notice) {

    static AlertStep startingAt(long position) {
        return new AlertStep(position, null);
    }

    boolean isStart() {
        return notice == null;
    }
}
