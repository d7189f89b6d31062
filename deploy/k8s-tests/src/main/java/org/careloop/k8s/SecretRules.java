package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No credential is written in the manifests, and every Secret and ConfigMap a resource needs will
 * exist.
 */
public final class SecretRules {

    /** Name parts of an environment variable that holds a credential. */
    static final Set<String> SENSITIVE =
            Set.of(
                    "PASSWORD",
                    "PASSWD",
                    "PWD",
                    "SECRET",
                    "SECRETS",
                    "KEY",
                    "KEYS",
                    "TOKEN",
                    "APIKEY",
                    "CREDENTIAL",
                    "CREDENTIALS");

    /** Variables whose names look sensitive but whose values are not. */
    static final Map<String, String> NOT_SENSITIVE =
            Map.of(
                    "CARELOOP_SECRETS_CURRENT_KEY", "the id of the sealing key in use, not the key",
                    "QUARKUS_OIDC_TOKEN_ISSUER", "the issuer URL tokens carry");

    /** Secrets that the cluster's operator creates before deploying, never committed. */
    static final Map<String, String> OPERATOR_CREATED =
            Map.of(
                    "careloop-secrets-key", "the key that seals the secrets the services keep",
                    "keycloak-tls", "Keycloak's TLS certificate (kubernetes.io/tls)",
                    "careloop-gateway-tls",
                            "the gateway host's TLS certificate (kubernetes.io/tls)");

    /** The keys of the {@code <cluster>-app} Secret CloudNativePG generates. */
    static final Set<String> CNPG_APP_KEYS =
            Set.of(
                    "username",
                    "password",
                    "host",
                    "port",
                    "dbname",
                    "uri",
                    "jdbc-uri",
                    "pgpass",
                    "fqdn-uri",
                    "fqdn-jdbc-uri",
                    "user");

    private SecretRules() {}

    static boolean isSensitive(String name) {
        return !NOT_SENSITIVE.containsKey(name)
                && Arrays.stream(name.toUpperCase().split("[_.-]")).anyMatch(SENSITIVE::contains);
    }

    public static List<String> literals(Manifests manifests) {
        var findings = new Findings(manifests.overlay());
        for (Secret secret : manifests.all(Secret.class)) {
            if (!isEmpty(secret.getData()) || !isEmpty(secret.getStringData())) {
                findings.add(
                        secret,
                        "data",
                        "a Secret with values is committed; let an operator generate it or document it as created by"
                                + " the cluster's operator");
            }
        }
        for (Pods.Workload workload : Pods.workloads(manifests)) {
            for (var entry : workload.containers()) {
                Container container = entry.getValue();
                for (EnvVar variable : Pods.list(container.getEnv())) {
                    if (isSensitive(variable.getName())
                            && variable.getValueFrom() == null
                            && variable.getValue() != null
                            && !variable.getValue().isEmpty()) {
                        findings.add(
                                workload.owner(),
                                entry.getKey() + ".env[" + variable.getName() + "].value",
                                "a literal credential; take it from a Secret with secretKeyRef");
                    }
                }
                for (var variable : Pods.environment(manifests, container).entrySet()) {
                    if (variable.getValue() instanceof Pods.Value.Literal literal
                            && !literal.source().equals("env")
                            && isSensitive(variable.getKey())
                            && !literal.value().isEmpty()) {
                        findings.add(
                                workload.owner(),
                                entry.getKey() + ".envFrom",
                                variable.getKey()
                                        + " comes as a literal from "
                                        + literal.source()
                                        + "; take it from a Secret with secretKeyRef");
                    }
                }
            }
        }
        if (!Overlays.isDemo(manifests.overlay())) {
            for (var realmImport : manifests.generic("k8s.keycloak.org", "KeycloakRealmImport")) {
                var clients = Generic.list(realmImport, "spec", "realm", "clients");
                for (int i = 0; i < clients.size(); i++) {
                    if (clients.get(i) instanceof Map<?, ?> client
                            && client.get("secret") != null) {
                        findings.add(
                                realmImport,
                                "spec.realm.clients[" + client.get("clientId") + "].secret",
                                "a client secret is committed outside the demo overlays "
                                        + Overlays.DEMO);
                    }
                }
            }
        }
        return findings.violations();
    }

    public static List<String> references(Manifests manifests) {
        var findings = new Findings(manifests.overlay());
        for (Pods.Workload workload : Pods.workloads(manifests)) {
            HasMetadata owner = workload.owner();
            for (var entry : workload.containers()) {
                String path = entry.getKey();
                for (EnvVar variable : Pods.list(entry.getValue().getEnv())) {
                    var from = variable.getValueFrom();
                    if (from == null) {
                        continue;
                    }
                    String field = path + ".env[" + variable.getName() + "].valueFrom";
                    if (from.getSecretKeyRef() != null) {
                        secret(
                                findings,
                                manifests,
                                owner,
                                field,
                                from.getSecretKeyRef().getName(),
                                from.getSecretKeyRef().getKey(),
                                from.getSecretKeyRef().getOptional());
                    }
                    if (from.getConfigMapKeyRef() != null) {
                        configMap(
                                findings,
                                manifests,
                                owner,
                                field,
                                from.getConfigMapKeyRef().getName(),
                                from.getConfigMapKeyRef().getKey(),
                                from.getConfigMapKeyRef().getOptional());
                    }
                }
                for (EnvFromSource source : Pods.list(entry.getValue().getEnvFrom())) {
                    if (source.getSecretRef() != null) {
                        secret(
                                findings,
                                manifests,
                                owner,
                                path + ".envFrom",
                                source.getSecretRef().getName(),
                                null,
                                source.getSecretRef().getOptional());
                    }
                    if (source.getConfigMapRef() != null) {
                        configMap(
                                findings,
                                manifests,
                                owner,
                                path + ".envFrom",
                                source.getConfigMapRef().getName(),
                                null,
                                source.getConfigMapRef().getOptional());
                    }
                }
            }
            for (Volume volume : Pods.list(workload.spec().getVolumes())) {
                String field = workload.path() + ".spec.volumes[" + volume.getName() + "]";
                if (volume.getSecret() != null) {
                    secret(
                            findings,
                            manifests,
                            owner,
                            field,
                            volume.getSecret().getSecretName(),
                            null,
                            volume.getSecret().getOptional());
                }
                if (volume.getConfigMap() != null) {
                    configMap(
                            findings,
                            manifests,
                            owner,
                            field,
                            volume.getConfigMap().getName(),
                            null,
                            volume.getConfigMap().getOptional());
                }
                if (volume.getProjected() != null) {
                    for (VolumeProjection projection :
                            Pods.list(volume.getProjected().getSources())) {
                        if (projection.getSecret() != null) {
                            secret(
                                    findings,
                                    manifests,
                                    owner,
                                    field,
                                    projection.getSecret().getName(),
                                    null,
                                    projection.getSecret().getOptional());
                        }
                        if (projection.getConfigMap() != null) {
                            configMap(
                                    findings,
                                    manifests,
                                    owner,
                                    field,
                                    projection.getConfigMap().getName(),
                                    null,
                                    projection.getConfigMap().getOptional());
                        }
                    }
                }
            }
        }
        for (GenericKubernetesResource keycloak :
                manifests.generic("k8s.keycloak.org", "Keycloak")) {
            for (String credential : List.of("usernameSecret", "passwordSecret")) {
                String name = Generic.text(keycloak, "spec", "db", credential, "name");
                if (name != null) {
                    secret(
                            findings,
                            manifests,
                            keycloak,
                            "spec.db." + credential,
                            name,
                            Generic.text(keycloak, "spec", "db", credential, "key"),
                            false);
                }
            }
            String tls = Generic.text(keycloak, "spec", "http", "tlsSecret");
            if (tls != null) {
                secret(findings, manifests, keycloak, "spec.http.tlsSecret", tls, null, false);
            }
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (var tls : Pods.list(ingress.getSpec().getTls())) {
                if (tls.getSecretName() != null) {
                    secret(
                            findings,
                            manifests,
                            ingress,
                            "spec.tls.secretName",
                            tls.getSecretName(),
                            null,
                            false);
                }
            }
        }
        return findings.violations();
    }

    /** Secrets a CloudNativePG Cluster of the render generates: {@code <cluster>-app}. */
    static List<String> generated(Manifests manifests) {
        var names = new ArrayList<String>();
        for (var cluster : manifests.generic("postgresql.cnpg.io", "Cluster")) {
            names.add(Manifests.name(cluster) + "-app");
        }
        return names;
    }

    private static void secret(
            Findings findings,
            Manifests manifests,
            HasMetadata owner,
            String field,
            String name,
            String key,
            Boolean optional) {
        var inRender = manifests.named(Secret.class, name);
        if (inRender.isPresent()) {
            var secret = inRender.get();
            if (key != null && !has(secret.getData(), key) && !has(secret.getStringData(), key)) {
                findings.add(owner, field, "Secret " + name + " has no key " + key);
            }
            return;
        }
        if (generated(manifests).contains(name)) {
            if (key != null && !CNPG_APP_KEYS.contains(key)) {
                findings.add(
                        owner,
                        field,
                        "key "
                                + key
                                + " is not one CloudNativePG puts in "
                                + name
                                + ": "
                                + CNPG_APP_KEYS);
            }
            return;
        }
        if (OPERATOR_CREATED.containsKey(name) || Boolean.TRUE.equals(optional)) {
            return;
        }
        findings.add(
                owner,
                field,
                "Secret "
                        + name
                        + " is neither in the render, nor the -app Secret of a CloudNativePG Cluster in it, nor one"
                        + " the cluster's operator creates "
                        + OPERATOR_CREATED.keySet());
    }

    private static void configMap(
            Findings findings,
            Manifests manifests,
            HasMetadata owner,
            String field,
            String name,
            String key,
            Boolean optional) {
        var inRender = manifests.named(ConfigMap.class, name);
        if (inRender.isEmpty()) {
            if (!Boolean.TRUE.equals(optional)) {
                findings.add(owner, field, "ConfigMap " + name + " is not in the render");
            }
            return;
        }
        var configMap = inRender.get();
        if (key != null && !has(configMap.getData(), key) && !has(configMap.getBinaryData(), key)) {
            findings.add(owner, field, "ConfigMap " + name + " has no key " + key);
        }
    }

    private static boolean has(Map<String, String> map, String key) {
        return map != null && map.containsKey(key);
    }

    private static boolean isEmpty(Map<String, String> map) {
        return map == null || map.isEmpty();
    }
}
