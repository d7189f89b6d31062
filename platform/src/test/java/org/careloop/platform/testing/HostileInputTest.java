package org.careloop.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Sends every body operation of the service's OpenAPI document malformed bodies, and every route
 * the protocol mistakes a client can make; each answer must be a problem document of the expected
 * status (a 400 naming the field at fault) and nothing may be stored. A service's test extends this
 * with a valid example body per operation.
 */
public abstract class HostileInputTest {

    /**
     * A body the service accepts for one operation, path parameters filled from {@link
     * #pathValues()}; for a body of several kinds, {@code kindField} names the property that says
     * which (Jackson reads it first, so a body that is not an object is reported as lacking it).
     */
    public record Example(String method, String path, String body, String kindField) {

        public Example(String method, String path, String body) {
            this(method, path, body, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String MARK = "\u2603MARK\u2603";

    /** Characters no form field should carry, as they appear escaped in JSON text. */
    private static final List<String> FORBIDDEN =
            List.of("\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\u0085", "\\ud800", "\\udc00x");

    /** One valid body for each POST, PUT and PATCH the service documents. */
    protected abstract List<Example> examples() throws Exception;

    /** Values for path parameters: ids of entities that exist, names that are known. */
    protected abstract Map<String, String> pathValues() throws Exception;

    /**
     * A demo user whose role may call the operation, so that the input, not the role, is what is
     * judged.
     */
    protected abstract String userFor(String method, String path);

    /**
     * How many rows requests of this service have written; equal before and after every refused
     * request.
     */
    protected abstract long storedRows() throws Exception;

    /**
     * Whether a path parameter is a UUID the service reads as one: every {@code ...Id} by default.
     */
    protected boolean isUuidParameter(String name) {
        return name.endsWith("Id");
    }

    /**
     * The status of a route called with {@code parameter} naming nothing it knows: 404, except
     * where the parameter names a client (or something of one client's) and the caller's access
     * rests on a relation to the client (a clinician's): they are refused with 403 as for any
     * client they have no relation to, so that a refusal never tells whether a client exists.
     */
    protected int unknownIdStatus(String path, String parameter, String user) {
        return 404;
    }

    /**
     * Whether an operation's body follows another standard's rules (a FHIR resource, a JSON Patch)
     * and its service tests its hostile input itself: its body is not fuzzed here, the rest of the
     * protocol is still probed.
     */
    protected boolean bodyTestedElsewhere(String method, String path) {
        return false;
    }

    /**
     * Runs after an example and its hostile variants, before the next example: moves what the
     * example changed on where the next one expects it (a draft amended, then sent, say).
     */
    protected void afterExample(Example example) throws Exception {}

    /**
     * Undoes what the accepted examples left behind that could disturb other tests (a webhook,
     * say).
     */
    protected void removeExamples() throws Exception {}

    @Test
    void malformedBodiesAreProblemsNamingTheFieldAndStoreNothing() throws Exception {
        Map<String, String> values = pathValues();
        Map<String, Example> byOperation = new LinkedHashMap<>();
        List<Example> examples = examples();
        for (Example example : examples) {
            byOperation.putIfAbsent(example.method() + " " + example.path(), example);
        }
        JsonNode api = openApi();
        List<String> undocumented = new ArrayList<>();
        for (Operation operation : operations(api)) {
            if (operation.hasBody()
                    && !byOperation.containsKey(operation.key())
                    && !bodyTestedElsewhere(operation.method(), operation.path())) {
                undocumented.add(operation.key());
            }
        }
        assertEquals(List.of(), undocumented, "operations with a body but no example to fuzz from");

        List<String> failures = new ArrayList<>();
        try {
            fuzz(api, examples, values, failures);
        } finally {
            removeExamples();
        }
        assertEquals(List.of(), failures);
    }

    private void fuzz(
            JsonNode api, List<Example> examples, Map<String, String> values, List<String> failures)
            throws Exception {
        for (Example example : examples) {
            String path = fill(example.path(), values);
            String user = userFor(example.method(), example.path());
            HttpResponse<String> accepted =
                    send(
                            example.method(),
                            path,
                            user,
                            "application/json",
                            example.body().getBytes(StandardCharsets.UTF_8));
            assertTrue(
                    accepted.statusCode() < 300,
                    "the example for "
                            + example.method()
                            + " "
                            + example.path()
                            + " is not accepted: "
                            + accepted.statusCode()
                            + " "
                            + accepted.body());
            JsonNode schema = bodySchema(api, example);
            for (Case hostile :
                    cases(JSON.readTree(example.body()), schema, api, example.kindField())) {
                long before = storedRows();
                HttpResponse<String> answer =
                        send(example.method(), path, user, hostile.contentType(), hostile.body());
                String problem = check(answer, hostile.status(), hostile.field());
                long after = storedRows();
                if (after != before) {
                    problem =
                            (problem == null ? "" : problem + "; ")
                                    + "stored "
                                    + (after - before)
                                    + " rows";
                }
                if (problem != null) {
                    failures.add(
                            example.method()
                                    + " "
                                    + example.path()
                                    + " with "
                                    + hostile.name()
                                    + ": "
                                    + problem);
                }
            }
            afterExample(example);
        }
    }

    @Test
    void protocolMistakesAreProblemsToo() throws Exception {
        Map<String, String> values = pathValues();
        JsonNode api = openApi();
        List<Operation> operations = operations(api);
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Example example : examples()) {
            bodies.putIfAbsent(example.method() + " " + example.path(), example.body());
        }
        List<String> failures = new ArrayList<>();
        java.util.Set<String> deleted = new java.util.HashSet<>();
        String anyUser = userFor("GET", "/");
        expect(
                failures,
                "an unknown route",
                send("GET", "/no-such-route/" + UUID.randomUUID(), anyUser, null, null),
                404,
                null);
        for (Operation operation : operations) {
            String path = fill(operation.path(), values);
            String user = userFor(operation.method(), operation.path());
            byte[] body =
                    bodies.containsKey(operation.key())
                            ? bodies.get(operation.key()).getBytes(StandardCharsets.UTF_8)
                            : null;
            if (operation.hasBody()) {
                expect(
                        failures,
                        operation.key() + " as text/plain",
                        send(operation.method(), path, user, "text/plain", body),
                        415,
                        null);
            }
            // Quarkus answers a missing method on a templated path as 404, not 405 (its routing
            // tries other classes).
            if (!operation.path().contains("{") && deleted.add(operation.path())) {
                expect(
                        failures,
                        "DELETE " + operation.path(),
                        send("DELETE", path, user, null, null),
                        405,
                        null);
            }
            if ("GET".equals(operation.method())
                    && operation.answersJson()
                    && !operation.path().contains("{")) {
                HttpRequest.Builder request =
                        request("GET", path, user, null, null).header("Accept", "application/xml");
                expect(
                        failures,
                        operation.key() + " accepting only XML",
                        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()),
                        406,
                        null);
            }
            Matcher params = PARAM.matcher(operation.path());
            while (params.find()) {
                String name = params.group(1);
                if (!isUuidParameter(name)) {
                    continue;
                }
                long before = storedRows();
                expect(
                        failures,
                        operation.key() + " with " + name + " not a UUID",
                        send(
                                operation.method(),
                                fill(operation.path(), with(values, name, "not-a-uuid")),
                                user,
                                body == null ? null : "application/json",
                                body),
                        400,
                        name);
                expect(
                        failures,
                        operation.key() + " with " + name + " 1-2-3-4-5",
                        send(
                                operation.method(),
                                fill(operation.path(), with(values, name, "1-2-3-4-5")),
                                user,
                                body == null ? null : "application/json",
                                body),
                        400,
                        name);
                for (Map.Entry<String, String> other : values.entrySet()) {
                    if (!other.getKey().equals(name) && other.getValue().matches("[0-9a-f-]{36}")) {
                        expect(
                                failures,
                                operation.key() + " with " + name + " = a " + other.getKey(),
                                send(
                                        operation.method(),
                                        fill(
                                                operation.path(),
                                                with(values, name, other.getValue())),
                                        user,
                                        body == null ? null : "application/json",
                                        body),
                                unknownIdStatus(operation.path(), name, user),
                                null);
                    }
                }
                expect(
                        failures,
                        operation.key() + " with an unknown " + name,
                        send(
                                operation.method(),
                                fill(
                                        operation.path(),
                                        with(values, name, UUID.randomUUID().toString())),
                                user,
                                body == null ? null : "application/json",
                                body),
                        unknownIdStatus(operation.path(), name, user),
                        null);
                if (storedRows() != before) {
                    failures.add(operation.key() + " with a wrong " + name + " stored rows");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    // ---- the malformed bodies

    private record Case(String name, String contentType, byte[] body, int status, String field) {

        static Case of(String name, String json, int status, String field) {
            return new Case(
                    name, "application/json", json.getBytes(StandardCharsets.UTF_8), status, field);
        }
    }

    private static List<Case> cases(JsonNode valid, JsonNode schema, JsonNode api, String kindField)
            throws IOException {
        String text = JSON.writeValueAsString(valid);
        List<Case> cases = new ArrayList<>();
        String first = valid.fieldNames().next();
        String firstValue = JSON.writeValueAsString(valid.get(first));
        cases.add(
                Case.of(
                        "a duplicate key",
                        text.replaceFirst(
                                "\\{", "{\"" + first + "\":" + quoteReplacement(firstValue) + ","),
                        400,
                        first));
        cases.add(Case.of("trailing garbage", text + " x", 400, "body"));
        cases.add(Case.of("a second value", text + "{}", 400, "body"));
        cases.add(Case.of("a cut-off body", text.substring(0, text.length() / 2), 400, "body"));
        cases.add(Case.of("an empty body", "", 400, "body"));
        cases.add(Case.of("JSON null", "null", 400, "body"));
        cases.add(Case.of("an array", "[" + text + "]", 400, "body"));
        String scalarBody = kindField == null ? "body" : kindField;
        cases.add(Case.of("a number", "42", 400, scalarBody));
        cases.add(Case.of("a string", "\"x\"", 400, scalarBody));
        cases.add(
                Case.of(
                        "10,000 levels of nesting",
                        "[".repeat(10_000) + "]".repeat(10_000),
                        400,
                        "body"));
        cases.add(
                Case.of(
                        "10,000 levels in a field",
                        "{\"" + first + "\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                        400,
                        null));
        cases.add(
                new Case(
                        "no content type", null, text.getBytes(StandardCharsets.UTF_8), 415, null));
        cases.add(
                new Case(
                        "text/plain",
                        "text/plain",
                        text.getBytes(StandardCharsets.UTF_8),
                        415,
                        null));

        List<Leaf> leaves = new ArrayList<>();
        leaves(valid, "", schema, api, leaves);
        boolean huge = false;
        for (Leaf leaf : leaves) {
            JsonNode value = leaf.value();
            if (value.isTextual()) {
                for (String wrong : List.of("42", "true", "{}", "[]")) {
                    cases.add(
                            Case.of(
                                    leaf.path() + " = " + wrong,
                                    replace(valid, leaf, JSON.readTree(wrong)),
                                    400,
                                    leaf.path()));
                }
                if (leaf.schema() != null && leaf.schema().has("enum")) {
                    cases.add(
                            Case.of(
                                    leaf.path() + " as an enum ordinal",
                                    replace(valid, leaf, JSON.readTree("0")),
                                    400,
                                    leaf.path()));
                }
                for (String bad : FORBIDDEN) {
                    String json =
                            replace(
                                            valid,
                                            leaf,
                                            JsonNodeFactory.instance.textNode(
                                                    value.asText() + MARK))
                                    .replace(MARK, bad);
                    cases.add(Case.of(leaf.path() + " holding " + bad, json, 400, leaf.path()));
                }
                cases.add(
                        Case.of(
                                leaf.path() + " of 100 KB",
                                replace(
                                        valid,
                                        leaf,
                                        JsonNodeFactory.instance.textNode("a".repeat(100_000))),
                                400,
                                leaf.path()));
                String marked = replace(valid, leaf, JsonNodeFactory.instance.textNode(MARK));
                cases.add(
                        new Case(
                                leaf.path() + " not UTF-8",
                                "application/json",
                                notUtf8(marked),
                                400,
                                null));
                if (!huge) {
                    huge = true;
                    cases.add(
                            Case.of(
                                    leaf.path() + " of 2 MB",
                                    replace(
                                            valid,
                                            leaf,
                                            JsonNodeFactory.instance.textNode(
                                                    "a".repeat(2_000_000))),
                                    413,
                                    null));
                }
            } else if (value.isNumber()) {
                // a fraction is wrong only where the example is a whole number (a count, not money)
                List<String> wrongs =
                        value.isIntegralNumber()
                                ? List.of("\"1\"", "1.5", "true", "{}", "[]")
                                : List.of("\"1\"", "true", "{}", "[]");
                for (String wrong : wrongs) {
                    cases.add(
                            Case.of(
                                    leaf.path() + " = " + wrong,
                                    replace(valid, leaf, JSON.readTree(wrong)),
                                    400,
                                    leaf.path()));
                }
            } else if (value.isBoolean()) {
                for (String wrong : List.of("1", "0", "\"true\"", "\"false\"", "{}", "[]")) {
                    cases.add(
                            Case.of(
                                    leaf.path() + " = " + wrong,
                                    replace(valid, leaf, JSON.readTree(wrong)),
                                    400,
                                    leaf.path()));
                }
            } else if (value.isArray()) {
                for (String wrong : List.of("{}", "\"x\"", "1")) {
                    cases.add(
                            Case.of(
                                    leaf.path() + " = " + wrong,
                                    replace(valid, leaf, JSON.readTree(wrong)),
                                    400,
                                    leaf.path()));
                }
            } else if (value.isObject()) {
                for (String wrong : List.of("[]", "\"x\"", "1", "true")) {
                    cases.add(
                            Case.of(
                                    leaf.path() + " = " + wrong,
                                    replace(valid, leaf, JSON.readTree(wrong)),
                                    400,
                                    leaf.path()));
                }
            }
            if (leaf.required()) {
                cases.add(Case.of("without " + leaf.path(), remove(valid, leaf), 400, leaf.path()));
            }
        }
        return cases;
    }

    /** One value in the example body: where it is, and whether the schema requires it. */
    private record Leaf(
            String path, List<Object> steps, JsonNode value, JsonNode schema, boolean required) {}

    private static void leaves(
            JsonNode node, String path, JsonNode schema, JsonNode api, List<Leaf> into) {
        leaves(node, path, new ArrayList<>(), resolve(schema, node, api), api, into);
    }

    private static void leaves(
            JsonNode node,
            String path,
            List<Object> steps,
            JsonNode schema,
            JsonNode api,
            List<Leaf> into) {
        if (node.isObject()) {
            List<String> required = new ArrayList<>();
            if (schema != null && schema.has("required")) {
                schema.get("required").forEach(r -> required.add(r.asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                List<Object> next = new ArrayList<>(steps);
                next.add(field.getKey());
                JsonNode fieldSchema =
                        schema == null || !schema.has("properties")
                                ? null
                                : resolve(
                                        schema.get("properties").get(field.getKey()),
                                        field.getValue(),
                                        api);
                // A discriminator (instrument) is required although the schema of a subtype may not
                // say so.
                boolean isRequired =
                        required.contains(field.getKey()) || discriminator(schema, field.getKey());
                into.add(new Leaf(at, next, field.getValue(), fieldSchema, isRequired));
                descend(field.getValue(), at, next, fieldSchema, api, into);
            }
        }
    }

    private static void descend(
            JsonNode value,
            String path,
            List<Object> steps,
            JsonNode schema,
            JsonNode api,
            List<Leaf> into) {
        if (value.isObject()) {
            leaves(value, path, steps, schema, api, into);
        } else if (value.isArray() && !value.isEmpty()) {
            List<Object> next = new ArrayList<>(steps);
            next.add(0);
            JsonNode items =
                    schema == null ? null : resolve(schema.get("items"), value.get(0), api);
            into.add(new Leaf(path + "[0]", next, value.get(0), items, false));
            descend(value.get(0), path + "[0]", next, items, api, into);
        }
    }

    private static boolean discriminator(JsonNode schema, String field) {
        return schema != null
                && schema.has("properties")
                && schema.get("properties").has(field)
                && schema.get("properties").get(field).has("enum")
                && schema.get("properties").get(field).get("enum").size() == 1;
    }

    /**
     * Follows references and picks, of several alternatives (oneOf), the one the example matches.
     */
    private static JsonNode resolve(JsonNode schema, JsonNode example, JsonNode api) {
        if (schema == null) {
            return null;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(api.path("components").path("schemas").get(name), example, api);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && example != null && example.isObject()) {
                for (JsonNode alternative : schema.get(choice)) {
                    JsonNode resolved = resolve(alternative, example, api);
                    if (resolved != null && resolved.has("properties") && fits(resolved, example)) {
                        return resolved;
                    }
                }
            }
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0), example, api);
        }
        return schema;
    }

    private static boolean fits(JsonNode schema, JsonNode example) {
        for (Iterator<String> names = example.fieldNames(); names.hasNext(); ) {
            if (!schema.get("properties").has(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static String replace(JsonNode valid, Leaf leaf, JsonNode replacement)
            throws IOException {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = parent(copy, leaf);
        Object last = leaf.steps().get(leaf.steps().size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, replacement);
        } else {
            ((ArrayNode) parent).set((Integer) last, replacement);
        }
        return JSON.writeValueAsString(copy);
    }

    private static String remove(JsonNode valid, Leaf leaf) throws IOException {
        JsonNode copy = valid.deepCopy();
        ((ObjectNode) parent(copy, leaf))
                .remove((String) leaf.steps().get(leaf.steps().size() - 1));
        return JSON.writeValueAsString(copy);
    }

    private static JsonNode parent(JsonNode root, Leaf leaf) {
        JsonNode node = root;
        for (Object step : leaf.steps().subList(0, leaf.steps().size() - 1)) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static byte[] notUtf8(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] parts = json.split(MARK, -1);
        bytes.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        // A lone continuation byte, then a start byte that no UTF-8 sequence begins with.
        bytes.writeBytes(new byte[] {'a', (byte) 0x80, 'b', (byte) 0xFF});
        bytes.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String quoteReplacement(String value) {
        return Matcher.quoteReplacement(value);
    }

    // ---- the service and its document

    private record Operation(String method, String path, boolean hasBody, boolean answersJson) {

        String key() {
            return method + " " + path;
        }
    }

    private JsonNode openApi() throws IOException, InterruptedException {
        HttpResponse<String> document =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base() + "/q/openapi?format=json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), "the OpenAPI document");
        return JSON.readTree(document.body());
    }

    private List<Operation> operations(JsonNode api) {
        String root = URI.create(base()).getPath();
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path =
                    entry.getKey().startsWith(root)
                            ? entry.getKey().substring(root.length())
                            : entry.getKey();
            if (path.startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = entry.getValue().fields();
                    methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String name = method.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(name)) {
                    continue;
                }
                JsonNode ok = method.getValue().path("responses");
                boolean json = false;
                for (JsonNode response : ok) {
                    json |= response.path("content").has("application/json");
                }
                operations.add(
                        new Operation(name, path, method.getValue().has("requestBody"), json));
            }
        }
        return operations;
    }

    private static JsonNode bodySchema(JsonNode api, Example example) {
        String root = URI.create(base()).getPath();
        JsonNode operation =
                api.path("paths").path(root + example.path()).path(example.method().toLowerCase());
        if (operation.isMissingNode()) {
            operation = api.path("paths").path(example.path()).path(example.method().toLowerCase());
        }
        return operation.path("requestBody").path("content").path("application/json").get("schema");
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue("test.url", String.class);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher params = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (params.find()) {
            String value = values.getOrDefault(params.group(1), UUID.randomUUID().toString());
            params.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        params.appendTail(path);
        return path.toString();
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return changed;
    }

    private static HttpRequest.Builder request(
            String method, String path, String user, String contentType, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + Tokens.of(user))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null && body.length > 1_000_000) {
            // The service refuses an over-limit body by its length and closes the connection; sent
            // whole, the
            // upload races that close and may never see the answer. Asking first makes the 413
            // arrive every time.
            request.expectContinue(true);
        }
        return request;
    }

    private static HttpResponse<String> send(
            String method, String path, String user, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return HTTP.send(
                request(method, path, user, contentType, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(
            List<String> failures,
            String what,
            HttpResponse<String> answer,
            int status,
            String field)
            throws IOException {
        String problem = check(answer, status, field);
        if (problem != null) {
            failures.add(what + ": " + problem);
        }
    }

    /** What is wrong with an answer, or null when it is the expected problem document. */
    private static String check(HttpResponse<String> answer, int status, String field)
            throws IOException {
        String got =
                answer.statusCode()
                        + " "
                        + answer.headers().firstValue("Content-Type").orElse("(no type)")
                        + " "
                        + abbreviate(answer.body());
        if (answer.statusCode() != status) {
            return "expected " + status + ", got " + got;
        }
        if (!answer.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")) {
            return "not a problem document: " + got;
        }
        JsonNode problem = JSON.readTree(answer.body());
        for (String member : List.of("type", "title", "status", "detail")) {
            if (!problem.hasNonNull(member)) {
                return "no " + member + ": " + got;
            }
        }
        if (problem.get("status").asInt() != status) {
            return "status member differs: " + got;
        }
        if (status == 400) {
            if (!problem.path("errors").isArray() || problem.path("errors").isEmpty()) {
                return "no errors: " + got;
            }
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(e -> fields.add(e.path("field").asText()));
            if (field != null && !fields.contains(field)) {
                return "does not name " + field + ": " + got;
            }
        }
        return null;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
