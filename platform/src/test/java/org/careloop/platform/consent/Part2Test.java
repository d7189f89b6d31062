package org.careloop.platform.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Part2Test {

    @Test
    void everySubstanceCategoryFromF10ToF19IsPart2() {
        for (String code :
                List.of(
                        "F10",
                        "F10.20",
                        "F11.20",
                        "F12.10",
                        "F13.239",
                        "F14.10",
                        "F15.90",
                        "F16.20",
                        "F18.10",
                        "F19.20",
                        "f10.20",
                        " F10.20 ",
                        "F1020")) {
            assertTrue(Part2.code(code), code);
        }
    }

    @Test
    void nicotineIsNotPart2() {
        assertFalse(Part2.code("F17"));
        assertFalse(Part2.code("F17.210"));
    }

    @Test
    void codesJustOutsideTheRangeAreNot() {
        for (String code :
                List.of(
                        "F09",
                        "F20.9",
                        "F32.1",
                        "F41.1",
                        "F1",
                        "F1X.0",
                        "Z71.41",
                        "F10.20.1",
                        "")) {
            assertFalse(Part2.code(code), code);
        }
        assertFalse(Part2.code(null));
    }

    @Test
    void aRecordWithOneSubstanceDiagnosisAmongOthersIsPart2() {
        assertTrue(Part2.anyCode(List.of("F32.1", "F10.20")));
        assertFalse(Part2.anyCode(List.of("F32.1", "F17.210")));
        assertFalse(Part2.anyCode(List.of()));
    }
}
