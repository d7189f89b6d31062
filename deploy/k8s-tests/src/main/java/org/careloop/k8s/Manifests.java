package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rendered resources of one overlay, each parsed into its model: fabric8's for Kubernetes,
 * Strimzi's for Kafka, and a generic resource for the few custom kinds without a Java model. A
 * document of any other kind is refused, so nothing reaches the cluster unchecked.
 */
public final class Manifests {

    /** Custom kinds read as generic resources: {@code group/kind}, any version. */
    static final Set<String> GENERIC_KINDS =
            Set.of(
                    "postgresql.cnpg.io/Cluster",
                    "postgresql.cnpg.io/ScheduledBackup",
                    "postgresql.cnpg.io/Backup",
                    "postgresql.cnpg.io/Pooler",
                    "barmancloud.cnpg.io/ObjectStore",
                    "k8s.keycloak.org/Keycloak",
                    "k8s.keycloak.org/KeycloakRealmImport");

    private static final KubernetesSerialization SERIALIZATION = serialization();

    private final String overlay;
    private final List<HasMetadata> resources;

    public Manifests(String overlay, List<HasMetadata> resources) {
        this.overlay = overlay;
        this.resources = List.copyOf(resources);
    }

    /** Parses a multi-document YAML render; throws on a document of no known kind. */
    public static Manifests parse(String overlay, String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<?> documents = parsed instanceof List<?> list ? list : List.of(parsed);
        var resources = new ArrayList<HasMetadata>();
        int index = 0;
        for (Object document : documents) {
            index++;
            if (document == null) {
                continue;
            }
            if (!(document instanceof HasMetadata resource)) {
                throw new IllegalArgumentException(
                        overlay
                                + ": document "
                                + index
                                + " is not a Kubernetes resource: "
                                + document);
            }
            if (resource instanceof GenericKubernetesResource generic
                    && !GENERIC_KINDS.contains(
                            group(generic.getApiVersion()) + "/" + generic.getKind())) {
                throw new IllegalArgumentException(
                        overlay
                                + ": document "
                                + index
                                + " ("
                                + generic.getApiVersion()
                                + " "
                                + generic.getKind()
                                + " "
                                + name(generic)
                                + ") is of a kind this check does not know: give it a model or add it to the"
                                + " known custom kinds with the rules it needs");
            }
            resources.add(resource);
        }
        return new Manifests(overlay, resources);
    }

    public String overlay() {
        return overlay;
    }

    public List<HasMetadata> resources() {
        return resources;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    /**
     * The generic resources of a custom kind, e.g. {@code generic("postgresql.cnpg.io",
     * "Cluster")}.
     */
    public List<GenericKubernetesResource> generic(String group, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()) && group.equals(group(r.getApiVersion())))
                .toList();
    }

    /** The same resources as an overlay of another name. */
    public Manifests renamed(String overlay) {
        return new Manifests(overlay, resources);
    }

    public static String name(HasMetadata resource) {
        return resource.getMetadata() == null ? null : resource.getMetadata().getName();
    }

    public static String describe(HasMetadata resource) {
        return resource.getKind() + " " + name(resource);
    }

    static String group(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static KubernetesSerialization serialization() {
        var serialization = new KubernetesSerialization();
        register(serialization, Kafka.class, Kafka.RESOURCE_KIND, Kafka.VERSIONS);
        register(
                serialization,
                KafkaNodePool.class,
                KafkaNodePool.RESOURCE_KIND,
                KafkaNodePool.VERSIONS);
        register(serialization, KafkaTopic.class, KafkaTopic.RESOURCE_KIND, KafkaTopic.VERSIONS);
        register(serialization, KafkaUser.class, KafkaUser.RESOURCE_KIND, KafkaUser.VERSIONS);
        return serialization;
    }

    private static void register(
            KubernetesSerialization serialization,
            Class<? extends KubernetesResource> type,
            String kind,
            List<String> versions) {
        for (String version : versions) {
            serialization.registerKubernetesResource(
                    Kafka.RESOURCE_GROUP + "/" + version, kind, type);
        }
    }
}
