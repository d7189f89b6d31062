package org.careloop.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A chain of upcasters: applies them one after another until the event is at a version nobody
 * upcasts.
 */
public final class Upcasters {

    private final Map<String, Upcaster> byFromType;

    public Upcasters(List<Upcaster> upcasters) {
        this.byFromType =
                upcasters.stream()
                        .collect(
                                Collectors.toUnmodifiableMap(
                                        Upcaster::fromType, Function.identity()));
    }

    /** This chain and one more link. */
    public Upcasters with(Upcaster another) {
        List<Upcaster> all = new java.util.ArrayList<>(byFromType.values());
        all.add(another);
        return new Upcasters(all);
    }

    public Upcasted upcast(String type, ObjectNode json) {
        String current = type;
        ObjectNode node = json;
        for (int hops = 0; byFromType.containsKey(current); hops++) {
            if (hops > byFromType.size()) {
                throw new IllegalStateException("upcaster cycle at " + current);
            }
            Upcaster next = byFromType.get(current);
            node = next.upcast(node.deepCopy());
            current = next.toType();
        }
        return new Upcasted(current, node);
    }

    /**
     * The type an event of {@code type} has once every upcaster has run: {@code type} itself when
     * none applies.
     */
    public String currentType(String type) {
        String current = type;
        for (int hops = 0; byFromType.containsKey(current); hops++) {
            if (hops > byFromType.size()) {
                throw new IllegalStateException("upcaster cycle at " + current);
            }
            current = byFromType.get(current).toType();
        }
        return current;
    }

    /** An event's JSON at its current version. */
    public record Upcasted(String type, ObjectNode json) {}
}
