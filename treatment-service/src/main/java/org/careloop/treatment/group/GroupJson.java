package org.careloop.treatment.group;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.projection.JsonColumns;

/** The JSON columns of the group read model. */
final class GroupJson {

    /** A session the group held, as the read model keeps it. */
    record HeldSession(
            UUID groupSessionId,
            Instant startedAt,
            Instant endedAt,
            List<GroupEvent.Attendance> attendance,
            String by,
            Instant at) {}

    private GroupJson() {}

    static String write(Object value) {
        return JsonColumns.write(value);
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<HeldSession> sessions(String json) {
        return read(json, new TypeReference<>() {});
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        List<T> list = JsonColumns.read(json, type);
        return list == null ? List.of() : list;
    }
}
