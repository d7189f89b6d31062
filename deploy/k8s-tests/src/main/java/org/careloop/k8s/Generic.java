package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** Typed reads of the fields of a resource without a Java model. */
final class Generic {

    private Generic() {}

    static Object get(GenericKubernetesResource resource, Object... path) {
        try {
            return resource.get(path);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(GenericKubernetesResource resource, Object... path) {
        Object value = get(resource, path);
        return value == null ? null : value.toString();
    }

    static Integer number(GenericKubernetesResource resource, Object... path) {
        Object value = get(resource, path);
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text && text.matches("\\d+")) {
            return Integer.parseInt(text);
        }
        return null;
    }

    static boolean isTrue(GenericKubernetesResource resource, Object... path) {
        Object value = get(resource, path);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    static List<?> list(GenericKubernetesResource resource, Object... path) {
        return get(resource, path) instanceof List<?> list ? list : List.of();
    }
}
