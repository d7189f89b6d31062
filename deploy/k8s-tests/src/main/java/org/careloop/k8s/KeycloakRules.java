package org.careloop.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keycloak on its own CloudNativePG database, and the realm import equal to the realm the services
 * expect.
 */
public final class KeycloakRules {

    private KeycloakRules() {}

    public static List<String> keycloak(Manifests manifests) {
        var findings = new Findings(manifests.overlay());
        var all = manifests.generic("k8s.keycloak.org", "Keycloak");
        if (all.size() != 1) {
            findings.add("Keycloak", "", all.size() + " in the render, must be exactly one");
            return findings.violations();
        }
        GenericKubernetesResource keycloak = all.getFirst();
        Integer instances = Generic.number(keycloak, "spec", "instances");
        if (!Overlays.isDemo(manifests.overlay()) && (instances == null || instances < 2)) {
            findings.add(
                    keycloak,
                    "spec.instances",
                    instances + ", must be at least 2 outside the demo overlays");
        }
        String host = Generic.text(keycloak, "spec", "db", "host");
        var cluster = ConnectionRules.clusterOf(manifests, host);
        if (cluster.isEmpty()) {
            findings.add(
                    keycloak,
                    "spec.db.host",
                    host + ", must be <cluster>-rw of a CloudNativePG Cluster in the render");
            return findings.violations();
        }
        if (!"postgres".equals(Generic.text(keycloak, "spec", "db", "vendor"))) {
            findings.add(
                    keycloak,
                    "spec.db.vendor",
                    Generic.text(keycloak, "spec", "db", "vendor") + ", must be postgres");
        }
        String database = Generic.text(cluster.get(), "spec", "bootstrap", "initdb", "database");
        String actual = Generic.text(keycloak, "spec", "db", "database");
        if (database == null || !database.equals(actual)) {
            findings.add(
                    keycloak,
                    "spec.db.database",
                    actual
                            + ", must be "
                            + database
                            + ", the initdb database of Cluster "
                            + Manifests.name(cluster.get()));
        }
        String secret = Manifests.name(cluster.get()) + "-app";
        for (var credential :
                Map.of("usernameSecret", "username", "passwordSecret", "password").entrySet()) {
            String name = Generic.text(keycloak, "spec", "db", credential.getKey(), "name");
            String key = Generic.text(keycloak, "spec", "db", credential.getKey(), "key");
            if (!secret.equals(name) || !credential.getValue().equals(key)) {
                findings.add(
                        keycloak,
                        "spec.db." + credential.getKey(),
                        name + "/" + key + ", must be " + secret + "/" + credential.getValue());
            }
        }
        return findings.violations();
    }

    public static List<String> realm(Manifests manifests, Codebase codebase) {
        var findings = new Findings(manifests.overlay());
        var keycloaks = manifests.generic("k8s.keycloak.org", "Keycloak");
        var imports =
                manifests.generic("k8s.keycloak.org", "KeycloakRealmImport").stream()
                        .filter(
                                i ->
                                        codebase.realm()
                                                .equals(Generic.text(i, "spec", "realm", "realm")))
                        .toList();
        if (imports.size() != 1) {
            findings.add(
                    "KeycloakRealmImport of realm " + codebase.realm(),
                    "",
                    imports.size() + " in the render, must be exactly one");
            return findings.violations();
        }
        GenericKubernetesResource realmImport = imports.getFirst();
        String target = Generic.text(realmImport, "spec", "keycloakCRName");
        if (keycloaks.stream().noneMatch(k -> Manifests.name(k).equals(target))) {
            findings.add(
                    realmImport, "spec.keycloakCRName", target + " is no Keycloak in the render");
        }
        var roles = new TreeSet<String>();
        for (Object role : Generic.list(realmImport, "spec", "realm", "roles", "realm")) {
            if (role instanceof Map<?, ?> map) {
                roles.add(String.valueOf(map.get("name")));
            }
        }
        same(findings, realmImport, "spec.realm.roles.realm", roles, codebase.realmRoles());
        var clients = new TreeSet<String>();
        for (Object client : Generic.list(realmImport, "spec", "realm", "clients")) {
            if (client instanceof Map<?, ?> map) {
                clients.add(String.valueOf(map.get("clientId")));
            }
        }
        same(findings, realmImport, "spec.realm.clients", clients, codebase.realmClients());
        var users = Generic.list(realmImport, "spec", "realm", "users");
        if (Overlays.isDemo(manifests.overlay()) && users.isEmpty()) {
            findings.add(
                    realmImport, "spec.realm.users", "none: a demo overlay carries the demo users");
        }
        if (!Overlays.isDemo(manifests.overlay()) && !users.isEmpty()) {
            findings.add(
                    realmImport,
                    "spec.realm.users",
                    users.size() + " users, allowed only in the demo overlays " + Overlays.DEMO);
        }
        return findings.violations();
    }

    private static void same(
            Findings findings,
            GenericKubernetesResource resource,
            String field,
            Set<String> actual,
            Set<String> expected) {
        if (!Objects.equals(actual, expected)) {
            var missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            var extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            findings.add(
                    resource,
                    field,
                    "differs from "
                            + Codebase.REALM
                            + ": missing "
                            + missing
                            + ", not there "
                            + extra);
        }
    }
}
