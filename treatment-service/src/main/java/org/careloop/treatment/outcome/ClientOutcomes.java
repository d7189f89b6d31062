package org.careloop.treatment.outcome;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A client's outcome measures, one entry per instrument followed that the client has taken. */
public record ClientOutcomes(UUID clientId, List<InstrumentOutcome> instruments) {

    /** The outcome on one instrument, if the client has taken it. */
    public Optional<InstrumentOutcome> on(String instrument) {
        return instruments.stream().filter(i -> i.instrument().equals(instrument)).findFirst();
    }
}
