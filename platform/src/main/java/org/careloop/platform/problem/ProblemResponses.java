package org.careloop.platform.problem;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.careloop.platform.database.Database;
import org.careloop.platform.eventstore.ConcurrencyConflict;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a request into an RFC 9457 problem response; nothing reaches the caller as
 * a bare 500.
 */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final java.util.regex.Pattern DUPLICATE_KEY =
            java.util.regex.Pattern.compile("^Duplicate (?:field|Object property) '([^']*)'");

    @Inject Database database;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.problem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(
                    new Problem.FieldError(
                            field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(Problem.invalid(errors), uri, headers);
    }

    // The specific Jackson types are named so that these mappers win over the framework's own
    // plain-JSON ones.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        InvalidTypeIdException.class
    })
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(unreadableBody(e), uri, headers);
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri, HttpHeaders headers) {
        return respond(
                Problem.of(
                        "concurrent-change",
                        "Conflict",
                        409,
                        "the record was changed by someone else meanwhile; reload it and try again"),
                uri,
                headers);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Response problem =
                respond(
                        Problem.of(
                                "unauthenticated",
                                "Unauthorized",
                                401,
                                "a valid bearer token from the careloop realm is required"),
                        uri,
                        headers);
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"careloop\"")
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(unreadableBody(json), uri, headers);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z]+", "-");
        return respond(Problem.of(slug, title, status, detail(status, e)), uri, headers);
    }

    /**
     * A database outage is a 503 the caller may retry; anything else unforeseen is a logged 500.
     */
    @ServerExceptionMapper
    public Uni<Response> unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        return database.reachable()
                .map(
                        reachable -> {
                            if (!reachable) {
                                LOG.warnf(
                                        "database unreachable during %s: %s",
                                        uri.getPath(), e.getMessage());
                                Response problem =
                                        respond(
                                                Problem.of(
                                                        "service-unavailable",
                                                        "Service Unavailable",
                                                        503,
                                                        "the service cannot reach its database; nothing was changed, try again in a moment"),
                                                uri,
                                                headers);
                                return Response.fromResponse(problem)
                                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                                        .build();
                            }
                            LOG.errorf(e, "unexpected failure on %s", uri.getPath());
                            return respond(
                                    Problem.of(
                                            "internal-error",
                                            "Internal Server Error",
                                            500,
                                            "the request could not be completed; it has been logged"),
                                    uri,
                                    headers);
                        });
    }

    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource answers application/json";
            case 415 -> "send the body as application/json";
            default -> e.getMessage();
        };
    }

    static Problem unreadableBody(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problem.invalid(
                    "body",
                    "is nested too deeply or too long: at most "
                            + StrictJson.MAX_NESTING
                            + " levels");
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return notJson("", e);
        }
        String field = path(mapping);
        if (mapping.getCause() instanceof JsonProcessingException syntax) {
            return notJson(field, syntax);
        }
        if (mapping instanceof RefusedValue refused) {
            return Problem.invalid(field.isEmpty() ? "body" : field, refused.reason());
        }
        if (mapping instanceof InvalidTypeIdException unknownKind) {
            return unknownKind(unknownKind, field);
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return Problem.invalid(field, "is not a known field");
        }
        if (mapping instanceof InvalidFormatException invalid) {
            // A string that does not parse has the wrong format; a number or flag in its place, the
            // wrong type.
            String defect =
                    invalid.getValue() instanceof String
                            ? "has the wrong format"
                            : "has the wrong type";
            return Problem.invalid(
                    field, defect + ": expected " + expected(invalid.getTargetType()));
        }
        if (mapping instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            if (mismatched.getMessage() != null
                    && mismatched.getMessage().startsWith("Trailing token")) {
                return Problem.invalid("body", "must hold one JSON value and nothing after it");
            }
            return Problem.invalid(
                    field.isEmpty() ? "body" : field,
                    "has the wrong type: expected " + expected(mismatched.getTargetType()));
        }
        return Problem.invalid(field.isEmpty() ? "body" : field, "could not be read");
    }

    /**
     * A body that is not well-formed JSON: a key twice, bytes that are not UTF-8, or a syntax
     * error.
     */
    private static Problem notJson(String path, JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return unreadableBody(e);
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(message);
        if (duplicate.find()) {
            return Problem.invalid(
                    path.isEmpty() ? duplicate.group(1) : path + "." + duplicate.group(1),
                    "appears more than once in the object");
        }
        String field = path.isEmpty() ? "body" : path;
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return Problem.invalid(field, "is not valid UTF-8");
        }
        JsonLocation at = e.getLocation();
        // A syntax error is the body's, wherever the parser noticed it; its location says where.
        return Problem.invalid(
                "body",
                at == null || at.getLineNr() < 1
                        ? "is not valid JSON"
                        : "is not valid JSON (line "
                                + at.getLineNr()
                                + ", column "
                                + at.getColumnNr()
                                + ")");
    }

    /**
     * A polymorphic body whose discriminator (e.g. {@code instrument}) is missing or names no known
     * kind.
     */
    private static Problem unknownKind(InvalidTypeIdException e, String path) {
        if (path.isEmpty()
                && e.getProcessor() instanceof JsonParser parser
                && parser.currentToken() != null
                && parser.currentToken().isScalarValue()) {
            return Problem.invalid("body", "has the wrong type: expected an object");
        }
        Class<?> base = e.getBaseType() == null ? null : e.getBaseType().getRawClass();
        JsonTypeInfo info = base == null ? null : base.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes kinds = base == null ? null : base.getAnnotation(JsonSubTypes.class);
        String property = info == null ? "type" : info.property();
        String field = path.isEmpty() ? property : path + "." + property;
        String known =
                kinds == null
                        ? ""
                        : ": one of "
                                + java.util.Arrays.stream(kinds.value())
                                        .map(JsonSubTypes.Type::name)
                                        .collect(java.util.stream.Collectors.joining(", "));
        return Problem.invalid(
                field, (e.getTypeId() == null ? "is required" : "is not known") + known);
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO-8601 date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" ->
                    "an ISO-8601 date-time with offset (e.g. 2026-11-22T09:30:00Z)";
            case "Duration" -> "an ISO-8601 duration (e.g. PT5M)";
            case "UUID" -> "a UUID";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            default ->
                    type.isEnum()
                            ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                            : type.isArray() || List.class.isAssignableFrom(type)
                                    ? "an array"
                                    : "an object";
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The request-body path of a violation, without the method and parameter names. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        String requestId = headers == null ? null : headers.getHeaderString(REQUEST_ID);
        Problem located = problem.at(uri == null ? null : uri.getRequestUri().getPath(), requestId);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }
}
