package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule violations found in one overlay, each naming the overlay, the resource and the field.
 */
public final class Findings {

    private final String overlay;
    private final List<String> violations = new ArrayList<>();

    public Findings(String overlay) {
        this.overlay = overlay;
    }

    public void add(HasMetadata resource, String field, String problem) {
        add(Manifests.describe(resource), field, problem);
    }

    public void add(String subject, String field, String problem) {
        violations.add(
                "overlay "
                        + overlay
                        + ": "
                        + subject
                        + (field.isEmpty() ? "" : ": " + field)
                        + ": "
                        + problem);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public String toString() {
        return String.join("\n", violations);
    }
}
