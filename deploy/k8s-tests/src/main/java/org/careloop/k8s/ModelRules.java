package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every field of a resource with a model is one its model knows: a misspelt field is not silently
 * dropped.
 */
public final class ModelRules {

    private static final List<String> MODEL_PACKAGES =
            List.of("io.fabric8.kubernetes.api.model", "io.strimzi.api");

    private ModelRules() {}

    public static List<String> unknownFields(Manifests manifests) {
        var findings = new Findings(manifests.overlay());
        for (HasMetadata resource : manifests.resources()) {
            if (!(resource instanceof GenericKubernetesResource)) {
                walk(findings, resource, "", resource, new IdentityHashMap<>());
            }
        }
        return findings.violations();
    }

    private static void walk(
            Findings findings,
            HasMetadata resource,
            String path,
            Object value,
            Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(findings, resource, path + "[" + i + "]", list.get(i), seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(findings, resource, path + "[" + k + "]", v, seen));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() != 0
                    || !method.getName().startsWith("get")
                    || method.getName().equals("getClass")
                    || method.getReturnType().isPrimitive()
                    || method.getReturnType().isEnum()) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    findings.add(
                            resource,
                            path.isEmpty() ? "(top level)" : path.substring(1),
                            "fields unknown to the model, probably misspelt or misplaced: "
                                    + unknown.keySet());
                }
                continue;
            }
            String name = method.getName().substring(3);
            String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            if (!IGNORED.contains(field)) {
                walk(findings, resource, path + "." + field, child, seen);
            }
        }
    }

    /** Getters that are not fields of the resource. */
    private static final Set<String> IGNORED =
            Set.of("plural", "singular", "crdName", "scope", "group", "version");

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return MODEL_PACKAGES.stream().anyMatch(name::startsWith);
    }
}
