package org.careloop.treatment.session;

import java.util.List;

/** The structured note formats in use, and the sections each one has. */
public enum NoteFormat {
    DAP(List.of("data", "assessment", "plan")),
    SOAP(List.of("subjective", "objective", "assessment", "plan")),
    BIRP(List.of("behavior", "intervention", "response", "plan"));

    private final List<String> sections;

    NoteFormat(List<String> sections) {
        this.sections = sections;
    }

    public List<String> sections() {
        return sections;
    }
}
