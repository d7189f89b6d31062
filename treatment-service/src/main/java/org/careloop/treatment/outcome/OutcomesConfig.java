package org.careloop.treatment.outcome;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/** The {@code careloop.outcomes.*} settings, read once at start. */
@ConfigMapping(prefix = "careloop.outcomes")
interface OutcomesConfig {

    BigDecimal responseFraction();

    int remissionBelow();

    Map<String, Integer> deteriorationPoints();
}
