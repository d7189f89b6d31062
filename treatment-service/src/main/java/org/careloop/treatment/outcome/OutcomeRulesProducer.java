package org.careloop.treatment.outcome;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rules as configured; a rule that cannot be met stops the service at start. */
class OutcomeRulesProducer {

    @Produces
    @Singleton
    OutcomeRules rules(OutcomesConfig config) {
        return new OutcomeRules(
                config.responseFraction(), config.remissionBelow(), config.deteriorationPoints());
    }
}
