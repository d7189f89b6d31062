package org.careloop.k8s;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The rules for the Strimzi Kafka cluster and its topics. */
public final class KafkaRules {

    static final String CLUSTER_LABEL = "strimzi.io/cluster";
    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC = 2;

    private KafkaRules() {}

    static String topicName(KafkaTopic topic) {
        String name = topic.getSpec() == null ? null : topic.getSpec().getTopicName();
        return name != null ? name : Manifests.name(topic);
    }

    static Optional<Kafka> kafka(Manifests manifests) {
        var all = manifests.all(Kafka.class);
        return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
    }

    static Map<String, Object> config(Kafka kafka) {
        var spec = kafka.getSpec() == null ? null : kafka.getSpec().getKafka();
        return spec == null || spec.getConfig() == null ? Map.of() : spec.getConfig();
    }

    static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static List<String> cluster(Manifests manifests) {
        var findings = new Findings(manifests.overlay());
        var all = manifests.all(Kafka.class);
        if (all.size() != 1) {
            findings.add("Kafka", "", all.size() + " in the render, must be exactly one");
            return findings.violations();
        }
        Kafka kafka = all.getFirst();
        var annotations =
                Objects.requireNonNullElse(
                        kafka.getMetadata().getAnnotations(), Map.<String, String>of());
        for (String annotation : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
            if (!"enabled".equals(annotations.get(annotation))) {
                findings.add(kafka, "metadata.annotations." + annotation, "must be enabled");
            }
        }
        if (kafka.getSpec() == null || kafka.getSpec().getKafka() == null) {
            findings.add(kafka, "spec.kafka", "missing");
            return findings.violations();
        }
        if (kafka.getSpec().getZookeeper() != null) {
            findings.add(kafka, "spec.zookeeper", "must be absent: the cluster runs in KRaft mode");
        }
        if (kafka.getSpec().getEntityOperator() == null
                || kafka.getSpec().getEntityOperator().getTopicOperator() == null) {
            findings.add(
                    kafka,
                    "spec.entityOperator.topicOperator",
                    "missing: without it no KafkaTopic becomes a topic");
        }
        if (Pods.list(kafka.getSpec().getKafka().getListeners()).isEmpty()) {
            findings.add(kafka, "spec.kafka.listeners", "none");
        }
        var pools =
                manifests.all(KafkaNodePool.class).stream()
                        .filter(
                                p ->
                                        Manifests.name(kafka)
                                                .equals(label(p.getMetadata().getLabels())))
                        .toList();
        for (ProcessRoles role : ProcessRoles.values()) {
            int replicas =
                    pools.stream()
                            .filter(
                                    p ->
                                            p.getSpec() != null
                                                    && Pods.list(p.getSpec().getRoles())
                                                            .contains(role))
                            .mapToInt(p -> p.getSpec().getReplicas())
                            .sum();
            if (replicas < REPLICAS) {
                findings.add(
                        kafka,
                        "KafkaNodePool (label "
                                + CLUSTER_LABEL
                                + ": "
                                + Manifests.name(kafka)
                                + ")",
                        replicas
                                + " nodes with role "
                                + role.toValue()
                                + ", must be at least "
                                + REPLICAS);
            }
        }
        var config = config(kafka);
        int brokers =
                pools.stream()
                        .filter(
                                p ->
                                        p.getSpec() != null
                                                && Pods.list(p.getSpec().getRoles())
                                                        .contains(ProcessRoles.BROKER))
                        .mapToInt(p -> p.getSpec().getReplicas())
                        .sum();
        Integer factor = integer(config.get("default.replication.factor"));
        if (factor == null || factor < REPLICAS || factor > Math.max(brokers, REPLICAS)) {
            findings.add(
                    kafka,
                    "spec.kafka.config.default.replication.factor",
                    factor + ", must be " + REPLICAS + " (at most the " + brokers + " brokers)");
        }
        Integer minInSync = integer(config.get("min.insync.replicas"));
        if (minInSync == null
                || minInSync < MIN_IN_SYNC
                || (factor != null && minInSync >= factor)) {
            findings.add(
                    kafka,
                    "spec.kafka.config.min.insync.replicas",
                    minInSync + ", must be " + MIN_IN_SYNC + " (below the replication factor)");
        }
        if (!"false".equals(String.valueOf(config.get("auto.create.topics.enable")))) {
            findings.add(
                    kafka,
                    "spec.kafka.config.auto.create.topics.enable",
                    config.get("auto.create.topics.enable")
                            + ", must be false: topics are KafkaTopic resources");
        }
        // Kafka's own defaults for these are safe; a value set must not weaken them.
        atLeast(findings, kafka, config, "offsets.topic.replication.factor", REPLICAS);
        atLeast(findings, kafka, config, "transaction.state.log.replication.factor", REPLICAS);
        atLeast(findings, kafka, config, "transaction.state.log.min.isr", MIN_IN_SYNC);
        return findings.violations();
    }

    private static void atLeast(
            Findings findings, Kafka kafka, Map<String, Object> config, String key, int least) {
        if (config.containsKey(key)) {
            Integer value = integer(config.get(key));
            if (value == null || value < least) {
                findings.add(
                        kafka,
                        "spec.kafka.config." + key,
                        config.get(key) + ", must be at least " + least);
            }
        }
    }

    private static String label(Map<String, String> labels) {
        return labels == null ? null : labels.get(CLUSTER_LABEL);
    }

    public static List<String> topics(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        var kafka = kafka(manifests);
        var config = kafka.map(KafkaRules::config).orElse(Map.of());
        var byName = new HashMap<String, KafkaTopic>();
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = topicName(topic);
            if (byName.put(name, topic) != null) {
                findings.add(topic, "spec.topicName", name + " is declared twice");
            }
            if (!codebase.topics().contains(name)) {
                findings.add(
                        topic,
                        "spec.topicName",
                        name
                                + " is used by no service (topics in the code: "
                                + codebase.topics()
                                + ")");
            }
            kafka.ifPresent(
                    k -> {
                        if (!Manifests.name(k).equals(label(topic.getMetadata().getLabels()))) {
                            findings.add(
                                    topic,
                                    "metadata.labels." + CLUSTER_LABEL,
                                    label(topic.getMetadata().getLabels())
                                            + ", must be "
                                            + Manifests.name(k));
                        }
                    });
            var spec = topic.getSpec();
            Integer replicas =
                    spec != null && spec.getReplicas() != null
                            ? spec.getReplicas()
                            : integer(config.get("default.replication.factor"));
            if (replicas == null || replicas < REPLICAS) {
                findings.add(topic, "spec.replicas", replicas + ", must be " + REPLICAS);
            }
            Object topicMinInSync =
                    spec == null || spec.getConfig() == null
                            ? null
                            : spec.getConfig().get("min.insync.replicas");
            Integer minInSync =
                    integer(
                            topicMinInSync != null
                                    ? topicMinInSync
                                    : config.get("min.insync.replicas"));
            if (minInSync == null
                    || minInSync < MIN_IN_SYNC
                    || (replicas != null && minInSync >= replicas)) {
                findings.add(
                        topic,
                        "spec.config.min.insync.replicas",
                        minInSync + ", must be " + MIN_IN_SYNC + " (below the replicas)");
            }
        }
        for (String topic : codebase.topics()) {
            if (!byName.containsKey(topic)) {
                findings.add("KafkaTopic for " + topic, "", "missing: the code uses this topic");
            }
        }
        return findings.violations();
    }
}
