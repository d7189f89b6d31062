package org.careloop.platform.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

class GatewayPrefixTest {

    @Test
    void pathsUnderTheServicesPrefixBecomeRelativeToItInTheirOrder() {
        Map<String, PathItem> served = new LinkedHashMap<>();
        served.put("/api/risk/alerts", OASFactory.createPathItem());
        served.put("/api/risk/alerts/{alertId}", OASFactory.createPathItem());
        served.put("/api/riskier/elsewhere", OASFactory.createPathItem());

        assertEquals(
                List.of("/alerts", "/alerts/{alertId}", "/api/riskier/elsewhere"),
                List.copyOf(GatewayPrefix.relative("/api/risk", served).keySet()));
    }
}
