package org.careloop.risk;

import org.careloop.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void decidersArePureAndCodeLivesInFeaturePackages() {
        ArchitectureRules.check("org.careloop.risk");
    }
}
