package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each service reaches its own database, the Kafka cluster and Keycloak at the names their
 * operators create.
 */
public final class ConnectionRules {

    static final int POSTGRES_PORT = 5432;

    private ConnectionRules() {}

    /** One service's container environment, looked up by name. */
    private record Environment(
            Manifests manifests,
            Deployment deployment,
            String field,
            Map<String, Pods.Value> values) {

        Optional<Pods.Value> value(String name) {
            return Optional.ofNullable(values.get(name));
        }

        Optional<String> text(String name) {
            return value(name).flatMap(v -> Pods.text(manifests, v));
        }
    }

    private static Optional<Environment> environment(
            Manifests manifests, Codebase.Service service, Findings findings) {
        var deployment = ServiceRules.deployment(manifests, service);
        if (deployment.isEmpty()) {
            findings.add("Deployment " + service.deployment(), "", "missing");
            return Optional.empty();
        }
        var container = ServiceRules.container(deployment.get(), service);
        if (container.isEmpty()) {
            findings.add(
                    deployment.get(),
                    "spec.template.spec.containers",
                    "no container " + service.deployment());
            return Optional.empty();
        }
        return Optional.of(
                new Environment(
                        manifests,
                        deployment.get(),
                        "spec.template.spec.containers[" + container.get().getName() + "].env",
                        Pods.environment(manifests, container.get())));
    }

    static List<GenericKubernetesResource> clusters(Manifests manifests) {
        return manifests.generic("postgresql.cnpg.io", "Cluster");
    }

    /** The CloudNativePG Cluster whose read-write service is this host. */
    static Optional<GenericKubernetesResource> clusterOf(Manifests manifests, String host) {
        return clusters(manifests).stream()
                .filter(c -> host != null && host.equals(Manifests.name(c) + "-rw"))
                .findFirst();
    }

    public static List<String> databases(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        for (GenericKubernetesResource cluster : clusters(manifests)) {
            Integer instances = Generic.number(cluster, "spec", "instances");
            if (instances == null || instances < 2) {
                findings.add(cluster, "spec.instances", instances + ", must be at least 2");
            }
            for (String field : List.of("database", "owner")) {
                if (Generic.text(cluster, "spec", "bootstrap", "initdb", field) == null) {
                    findings.add(cluster, "spec.bootstrap.initdb." + field, "missing");
                }
            }
        }
        var owners = new HashMap<String, String>();
        for (Codebase.Service service : codebase.services()) {
            var found = environment(manifests, service, findings);
            if (found.isEmpty()) {
                continue;
            }
            Environment env = found.get();
            String host = env.text("CARELOOP_DB_HOST").orElse(null);
            var cluster = clusterOf(manifests, host);
            if (cluster.isEmpty()) {
                findings.add(
                        env.deployment(),
                        env.field() + "[CARELOOP_DB_HOST]",
                        host + ", must be <cluster>-rw of a CloudNativePG Cluster in the render");
                continue;
            }
            String clusterName = Manifests.name(cluster.get());
            String other = owners.putIfAbsent(clusterName, service.deployment());
            if (other != null) {
                findings.add(
                        env.deployment(),
                        env.field() + "[CARELOOP_DB_HOST]",
                        "Cluster "
                                + clusterName
                                + " is "
                                + other
                                + "'s: each service has a database of its own");
            }
            String database =
                    Generic.text(cluster.get(), "spec", "bootstrap", "initdb", "database");
            String name = env.text("CARELOOP_DB_NAME").orElse(null);
            if (database == null || !database.equals(name)) {
                findings.add(
                        env.deployment(),
                        env.field() + "[CARELOOP_DB_NAME]",
                        name
                                + ", must be "
                                + database
                                + ", the initdb database of Cluster "
                                + clusterName);
            }
            env.text("CARELOOP_DB_PORT")
                    .filter(port -> !port.equals(String.valueOf(POSTGRES_PORT)))
                    .ifPresent(
                            port ->
                                    findings.add(
                                            env.deployment(),
                                            env.field() + "[CARELOOP_DB_PORT]",
                                            port + ", must be " + POSTGRES_PORT));
            String secret = clusterName + "-app";
            for (var credential :
                    Map.of("CARELOOP_DB_USER", "username", "CARELOOP_DB_PASSWORD", "password")
                            .entrySet()) {
                var value = env.value(credential.getKey());
                var expected = new Pods.Value.SecretKey(secret, credential.getValue());
                if (value.isEmpty() || !value.get().equals(expected)) {
                    findings.add(
                            env.deployment(),
                            env.field() + "[" + credential.getKey() + "]",
                            value.map(Object::toString).orElse("missing")
                                    + ", must be secretKeyRef "
                                    + secret
                                    + "/"
                                    + credential.getValue());
                }
            }
        }
        return findings.violations();
    }

    public static List<String> kafka(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        var kafka = KafkaRules.kafka(manifests);
        if (kafka.isEmpty()) {
            findings.add("Kafka", "", "not exactly one in the render");
            return findings.violations();
        }
        String bootstrap = Manifests.name(kafka.get()) + "-kafka-bootstrap";
        List<GenericKafkaListener> listeners =
                kafka.get().getSpec() == null || kafka.get().getSpec().getKafka() == null
                        ? List.of()
                        : Pods.list(kafka.get().getSpec().getKafka().getListeners());
        for (Codebase.Service service : codebase.services()) {
            var found = environment(manifests, service, findings);
            if (found.isEmpty()) {
                continue;
            }
            Environment env = found.get();
            String field = env.field() + "[CARELOOP_KAFKA]";
            var value = env.text("CARELOOP_KAFKA");
            if (value.isEmpty() || value.get().isBlank()) {
                findings.add(env.deployment(), field, "missing");
                continue;
            }
            for (String address : value.get().split(",")) {
                String[] parts = address.strip().split(":");
                String host = parts[0];
                String port = parts.length == 2 ? parts[1] : "";
                if (!(host.equals(bootstrap) || host.startsWith(bootstrap + "."))) {
                    findings.add(
                            env.deployment(), field, address + ": the host must be " + bootstrap);
                    continue;
                }
                var listener =
                        listeners.stream()
                                .filter(l -> String.valueOf(l.getPort()).equals(port))
                                .findFirst();
                if (listener.isEmpty()) {
                    findings.add(
                            env.deployment(),
                            field,
                            address
                                    + ": no listener of Kafka "
                                    + Manifests.name(kafka.get())
                                    + " on port "
                                    + port);
                } else if (listener.get().getType() != KafkaListenerType.INTERNAL
                        || listener.get().isTls()
                        || listener.get().getAuth() != null) {
                    findings.add(
                            env.deployment(),
                            field,
                            address
                                    + ": listener "
                                    + listener.get().getName()
                                    + " must be internal, without TLS or authentication: the services use neither");
                }
            }
        }
        return findings.violations();
    }

    public static List<String> keycloak(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        var all = manifests.generic("k8s.keycloak.org", "Keycloak");
        if (all.size() != 1) {
            findings.add("Keycloak", "", all.size() + " in the render, must be exactly one");
            return findings.violations();
        }
        GenericKubernetesResource keycloak = all.getFirst();
        String host = Manifests.name(keycloak) + "-service";
        boolean http = Generic.isTrue(keycloak, "spec", "http", "httpEnabled");
        Integer httpPort = Generic.number(keycloak, "spec", "http", "httpPort");
        Integer httpsPort = Generic.number(keycloak, "spec", "http", "httpsPort");
        var served = new HashMap<String, Integer>();
        if (http) {
            served.put("http", httpPort == null ? 8080 : httpPort);
        }
        served.put("https", httpsPort == null ? 8443 : httpsPort);
        for (Codebase.Service service : codebase.services()) {
            var found = environment(manifests, service, findings);
            if (found.isEmpty()) {
                continue;
            }
            Environment env = found.get();
            String field = env.field() + "[CARELOOP_KEYCLOAK_URL]";
            var value = env.text("CARELOOP_KEYCLOAK_URL");
            if (value.isEmpty()) {
                findings.add(env.deployment(), field, "missing");
                continue;
            }
            URI uri;
            try {
                uri = URI.create(value.get().strip());
            } catch (IllegalArgumentException e) {
                findings.add(env.deployment(), field, value.get() + " is no URL");
                continue;
            }
            String uriHost = uri.getHost() == null ? "" : uri.getHost();
            if (!(uriHost.equals(host) || uriHost.startsWith(host + "."))) {
                findings.add(env.deployment(), field, value.get() + ": the host must be " + host);
            }
            Integer port = served.get(uri.getScheme());
            int actual =
                    uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            if (port == null || port != actual) {
                findings.add(
                        env.deployment(),
                        field,
                        value.get()
                                + ": Keycloak "
                                + Manifests.name(keycloak)
                                + " serves "
                                + served);
            }
        }
        return findings.violations();
    }
}
