package org.careloop.referral.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * JSON Patch (RFC 6902) as FHIR's PATCH takes it: {@code add}, {@code replace}, {@code remove} and
 * {@code test}, applied in order to a copy; any failing operation leaves the document as it was.
 */
final class JsonPatch {

    private JsonPatch() {}

    /** The document with the operations applied; the operations are the patch's JSON array. */
    static JsonNode apply(JsonNode document, JsonNode operations) {
        if (operations == null || !operations.isArray()) {
            throw new InvalidCommand("body", "must be a JSON Patch: an array of operations");
        }
        JsonNode result = document.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            result = apply(result, operations.get(i), "[" + i + "]");
        }
        return result;
    }

    private static JsonNode apply(JsonNode document, JsonNode operation, String at) {
        String op = text(operation, "op", at);
        List<String> path = pointer(text(operation, "path", at), at);
        if (path.isEmpty()) {
            throw new InvalidCommand(at + ".path", "must name a member, not the whole Task");
        }
        JsonNode parent = resolve(document, path.subList(0, path.size() - 1), at);
        String last = path.getLast();
        switch (op) {
            case "add" -> add(parent, last, value(operation, at), at);
            case "replace" -> {
                existing(parent, last, at);
                remove(parent, last);
                add(parent, last, value(operation, at), at);
            }
            case "remove" -> {
                existing(parent, last, at);
                remove(parent, last);
            }
            case "test" -> {
                if (!value(operation, at).equals(existing(parent, last, at))) {
                    throw Refused.conflict(
                            "patch-test-failed",
                            "the test at "
                                    + at
                                    + " failed: the Task has changed since it was read");
                }
            }
            default ->
                    throw new InvalidCommand(
                            at + ".op", "must be add, replace, remove or test, not " + op);
        }
        return document;
    }

    private static String text(JsonNode operation, String member, String at) {
        JsonNode node = operation == null ? null : operation.get(member);
        if (node == null || !node.isTextual()) {
            throw new InvalidCommand(at + "." + member, "is required");
        }
        return node.asText();
    }

    private static JsonNode value(JsonNode operation, String at) {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw new InvalidCommand(at + ".value", "is required");
        }
        return value;
    }

    /** RFC 6901: '/'-separated tokens, ~1 for '/', ~0 for '~'. */
    private static List<String> pointer(String pointer, String at) {
        if (!pointer.startsWith("/")) {
            throw new InvalidCommand(at + ".path", "must be a JSON pointer starting with /");
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode resolve(JsonNode document, List<String> tokens, String at) {
        JsonNode node = document;
        for (String token : tokens) {
            node = child(node, token);
            if (node == null) {
                throw new InvalidCommand(at + ".path", "names something the Task does not have");
            }
        }
        if (!node.isObject() && !node.isArray()) {
            throw new InvalidCommand(at + ".path", "goes inside a value that has no members");
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray()) {
            int index = index(token);
            return index >= 0 && index < node.size() ? node.get(index) : null;
        }
        return null;
    }

    private static JsonNode existing(JsonNode parent, String token, String at) {
        JsonNode found = child(parent, token);
        if (found == null) {
            throw new InvalidCommand(at + ".path", "names something the Task does not have");
        }
        return found;
    }

    private static void add(JsonNode parent, String token, JsonNode value, String at) {
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
        } else if (parent instanceof ArrayNode array) {
            if (token.equals("-")) {
                array.add(value);
                return;
            }
            int index = index(token);
            if (index < 0 || index > array.size()) {
                throw new InvalidCommand(at + ".path", "has an index out of range");
            }
            array.insert(index, value);
        }
    }

    private static void remove(JsonNode parent, String token) {
        if (parent instanceof ObjectNode object) {
            object.remove(token);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(token));
        }
    }

    private static int index(String token) {
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            return -1;
        }
        return Integer.parseInt(token);
    }
}
