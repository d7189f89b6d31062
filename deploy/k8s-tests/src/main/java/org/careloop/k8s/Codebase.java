package org.careloop.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the manifests must match, read from the source: the services, the topics they publish and
 * consume, their dead-letter topics, and the realm's roles and clients.
 */
public record Codebase(
        List<Service> services,
        Set<String> topics,
        String realm,
        Set<String> realmRoles,
        Set<String> realmClients) {

    static final String TOPICS_SOURCE =
            "contracts/src/main/java/org/careloop/contracts/Topics.java";
    static final String PLATFORM_CONFIG =
            "platform/src/main/resources/META-INF/microprofile-config.properties";
    static final String SERVICE_CONFIG = "src/main/resources/application.properties";
    static final String REALM = "deploy/keycloak/careloop-realm.json";

    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+\\w+\\s*=\\s*\"([^\"]+)\"\\s*;");
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic");
    private static final Pattern CHANNEL_DEAD_LETTERS =
            Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    private static final String DEAD_LETTERS =
            "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

    /**
     * A service: its folder's short name ({@code risk} for {@code risk-service}), its application
     * name, the path it serves under, the topics it consumes and the topics it dead-letters to.
     */
    public record Service(
            String shortName,
            String applicationName,
            String rootPath,
            Set<String> consumedTopics,
            Set<String> deadLetterTopics) {

        public String deployment() {
            return applicationName;
        }
    }

    public Service service(String shortName) {
        return services.stream()
                .filter(s -> s.shortName().equals(shortName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + shortName));
    }

    public static Codebase read(Path repo) {
        var topics = new TreeSet<String>();
        Matcher constants = TOPIC_CONSTANT.matcher(text(repo.resolve(TOPICS_SOURCE)));
        while (constants.find()) {
            topics.add(constants.group(1));
        }
        var platform = properties(repo.resolve(PLATFORM_CONFIG));
        var services = new ArrayList<Service>();
        for (Path folder : serviceFolders(repo)) {
            var config = new Properties();
            config.putAll(platform);
            config.putAll(properties(folder.resolve(SERVICE_CONFIG)));
            String applicationName = required(config, "quarkus.application.name", folder);
            String rootPath = required(config, "quarkus.http.root-path", folder);
            var consumed = new TreeSet<String>();
            var deadLetters = new TreeSet<String>();
            for (String key : config.stringPropertyNames()) {
                if (CHANNEL_TOPIC.matcher(key).matches()) {
                    String topic = resolve(config, key);
                    topics.add(topic);
                    if (key.startsWith("mp.messaging.incoming.")) {
                        consumed.add(topic);
                    }
                } else if (CHANNEL_DEAD_LETTERS.matcher(key).matches()) {
                    deadLetters.add(resolve(config, key));
                }
            }
            if (!consumed.isEmpty() && config.getProperty(DEAD_LETTERS) != null) {
                deadLetters.add(resolve(config, DEAD_LETTERS));
            }
            topics.addAll(deadLetters);
            String shortName = folder.getFileName().toString().replaceFirst("-service$", "");
            services.add(new Service(shortName, applicationName, rootPath, consumed, deadLetters));
        }
        if (services.isEmpty()) {
            throw new IllegalStateException(
                    "no *-service module with " + SERVICE_CONFIG + " in " + repo);
        }
        JsonNode realm = JsonMapper.builder().build().readTree(text(repo.resolve(REALM)));
        var roles = new TreeSet<String>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asString()));
        var clients = new TreeSet<String>();
        realm.path("clients").forEach(client -> clients.add(client.path("clientId").asString()));
        return new Codebase(
                List.copyOf(services), topics, realm.path("realm").asString(), roles, clients);
    }

    private static List<Path> serviceFolders(Path repo) {
        try (Stream<Path> children = Files.list(repo)) {
            return children.filter(p -> p.getFileName().toString().endsWith("-service"))
                    .filter(p -> Files.isRegularFile(p.resolve(SERVICE_CONFIG)))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Properties config, String key, Path folder) {
        String value = config.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(folder.resolve(SERVICE_CONFIG) + " sets no " + key);
        }
        return resolve(config, key);
    }

    /**
     * The value of a key with its {@code ${other.key}} expressions replaced, as the services read
     * it.
     */
    static String resolve(Properties config, String key) {
        var seen = new LinkedHashSet<String>();
        String value = config.getProperty(key);
        Matcher matcher = EXPRESSION.matcher(value);
        while (matcher.find()) {
            String inner = matcher.group(1);
            if (!seen.add(inner) || config.getProperty(inner) == null) {
                throw new IllegalStateException("cannot resolve ${" + inner + "} in " + key);
            }
            value = value.replace(matcher.group(), config.getProperty(inner));
            matcher = EXPRESSION.matcher(value);
        }
        return value.strip();
    }

    private static Properties properties(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%"))
                .forEach(properties::remove);
        return properties;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
