package org.careloop.treatment.plan;

/** A standardized instrument a goal can be measured by, and its highest total. */
public enum Instrument {
    PHQ_9("PHQ-9", 27),
    GAD_7("GAD-7", 21);

    private final String label;
    private final int highest;

    Instrument(String label, int highest) {
        this.label = label;
        this.highest = highest;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    public int highest() {
        return highest;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Instrument of(String label) {
        for (Instrument instrument : values()) {
            if (instrument.label.equals(label)) {
                return instrument;
            }
        }
        throw new IllegalArgumentException("not a measured instrument: " + label);
    }
}
