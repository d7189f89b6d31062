package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The pods the render would run, and the environment each container would see. */
public final class Pods {

    private Pods() {}

    /** A pod template and the resource that owns it. */
    public record Workload(HasMetadata owner, String path, PodTemplateSpec template) {

        public PodSpec spec() {
            return template.getSpec();
        }

        public Map<String, String> labels() {
            return template.getMetadata() == null || template.getMetadata().getLabels() == null
                    ? Map.of()
                    : template.getMetadata().getLabels();
        }

        /** Every container, init containers included, with its field path. */
        public List<Map.Entry<String, Container>> containers() {
            var all = new ArrayList<Map.Entry<String, Container>>();
            var spec = spec();
            if (spec == null) {
                return all;
            }
            list(spec.getInitContainers())
                    .forEach(
                            c ->
                                    all.add(
                                            Map.entry(
                                                    path
                                                            + ".spec.initContainers["
                                                            + c.getName()
                                                            + "]",
                                                    c)));
            list(spec.getContainers())
                    .forEach(
                            c ->
                                    all.add(
                                            Map.entry(
                                                    path + ".spec.containers[" + c.getName() + "]",
                                                    c)));
            return all;
        }
    }

    /** Where one variable of a container's environment comes from. */
    public sealed interface Value {
        /** A value written in the manifests: in the container's env or in a ConfigMap it loads. */
        record Literal(String value, String source) implements Value {}

        record SecretKey(String secret, String key) implements Value {}

        record ConfigMapKey(String configMap, String key) implements Value {}

        /** A field reference, resource reference or anything else filled in by Kubernetes. */
        record Runtime(String description) implements Value {}
    }

    public static List<Workload> workloads(Manifests manifests) {
        var all = new ArrayList<Workload>();
        for (HasMetadata resource : manifests.resources()) {
            switch (resource) {
                case Deployment d when d.getSpec() != null ->
                        all.add(new Workload(d, "spec.template", d.getSpec().getTemplate()));
                case StatefulSet s when s.getSpec() != null ->
                        all.add(new Workload(s, "spec.template", s.getSpec().getTemplate()));
                case DaemonSet d when d.getSpec() != null ->
                        all.add(new Workload(d, "spec.template", d.getSpec().getTemplate()));
                case ReplicaSet r when r.getSpec() != null ->
                        all.add(new Workload(r, "spec.template", r.getSpec().getTemplate()));
                case Job j when j.getSpec() != null ->
                        all.add(new Workload(j, "spec.template", j.getSpec().getTemplate()));
                case CronJob c
                        when c.getSpec() != null
                                && c.getSpec().getJobTemplate().getSpec() != null ->
                        all.add(
                                new Workload(
                                        c,
                                        "spec.jobTemplate.spec.template",
                                        c.getSpec().getJobTemplate().getSpec().getTemplate()));
                case Pod p ->
                        all.add(
                                new Workload(
                                        p, "", new PodTemplateSpec(p.getMetadata(), p.getSpec())));
                default -> {}
            }
        }
        return all.stream().filter(w -> w.template() != null).toList();
    }

    /**
     * The container's environment as Kubernetes builds it: each envFrom source in order (ConfigMaps
     * resolved from the render, with their prefix), then env, a later definition winning.
     */
    public static Map<String, Value> environment(Manifests manifests, Container container) {
        var environment = new LinkedHashMap<String, Value>();
        for (EnvFromSource source : list(container.getEnvFrom())) {
            String prefix = Objects.requireNonNullElse(source.getPrefix(), "");
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                manifests
                        .named(ConfigMap.class, name)
                        .map(ConfigMap::getData)
                        .ifPresent(
                                data ->
                                        data.forEach(
                                                (key, value) ->
                                                        environment.put(
                                                                prefix + key,
                                                                new Value.Literal(
                                                                        value,
                                                                        "ConfigMap " + name))));
            }
        }
        for (EnvVar variable : list(container.getEnv())) {
            environment.put(variable.getName(), value(variable));
        }
        return environment;
    }

    static Value value(EnvVar variable) {
        var from = variable.getValueFrom();
        if (from == null) {
            return new Value.Literal(Objects.requireNonNullElse(variable.getValue(), ""), "env");
        }
        if (from.getSecretKeyRef() != null) {
            return new Value.SecretKey(
                    from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
        }
        if (from.getConfigMapKeyRef() != null) {
            return new Value.ConfigMapKey(
                    from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey());
        }
        return new Value.Runtime(String.valueOf(from));
    }

    /**
     * The value a variable has once ConfigMap keys are looked up in the render, if it is a plain
     * text.
     */
    public static Optional<String> text(Manifests manifests, Value value) {
        return switch (value) {
            case Value.Literal literal -> Optional.of(literal.value());
            case Value.ConfigMapKey key ->
                    manifests
                            .named(ConfigMap.class, key.configMap())
                            .map(ConfigMap::getData)
                            .map(data -> data.get(key.key()));
            default -> Optional.empty();
        };
    }

    /** Whether a probe's or policy's port (a number or a name) is this container's port. */
    public static boolean isPort(IntOrString port, ContainerPort containerPort) {
        if (port == null || containerPort == null) {
            return false;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal().equals(containerPort.getContainerPort());
        }
        String text = port.getStrVal();
        return text != null
                && (text.equals(containerPort.getName())
                        || text.equals(String.valueOf(containerPort.getContainerPort())));
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    public static <T> Stream<T> stream(List<T> list) {
        return list(list).stream();
    }
}
