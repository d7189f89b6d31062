package org.careloop.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule passes a render that keeps it, and objects to one that breaks it, naming the field. */
class RulesTest {

    @ParameterizedTest
    @EnumSource(Rules.class)
    void aRenderKeepingTheRulesPassesEachOfThem(Rules rule) {
        assertEquals(List.of(), rule.check(Fixtures.valid(), Fixtures.CODEBASE));
    }
}
