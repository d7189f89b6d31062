package org.careloop.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem response. {@code errors} names each offending field of a bad request, so a
 * form can show the message next to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:careloop:problem:";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail =
                errors.stream()
                        .map(e -> e.field() + ": " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("the request is not valid");
        return new Problem(
                TYPE_PREFIX + "invalid-request",
                "Invalid request",
                400,
                detail,
                null,
                null,
                errors);
    }

    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Problem notFound(String what, String detail) {
        return of(what + "-not-found", "Not found", 404, detail);
    }

    public Problem at(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, errors);
    }

    /** One field of the request and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
