package org.careloop.billing;

import org.careloop.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void decidersArePureAndCodeLivesInFeaturePackages() {
        ArchitectureRules.check("org.careloop.billing");
    }
}
