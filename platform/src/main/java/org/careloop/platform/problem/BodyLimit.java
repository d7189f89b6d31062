package org.careloop.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over the size limit with a 413 problem; the server's own check would answer with
 * an empty body.
 */
@ApplicationScoped
public class BodyLimit {

    /** Ahead of the server's own check, which runs at order -2. */
    private static final int BEFORE_SERVER_CHECK = -3;

    void install(
            @Observes Router router,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit)
            throws JsonProcessingException {
        long bytes = limit.asLongValue();
        Problem problem =
                Problem.of(
                        "payload-too-large",
                        "Payload Too Large",
                        413,
                        "the body is larger than the limit of " + bytes + " bytes");
        router.route()
                .order(BEFORE_SERVER_CHECK)
                .handler(
                        context -> {
                            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                            if (length != null && tooLong(length, bytes)) {
                                refuse(context, json, problem);
                            } else {
                                context.next();
                            }
                        });
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext context, ObjectMapper json, Problem problem) {
        String body;
        try {
            body =
                    json.writeValueAsString(
                            problem.at(
                                    context.request().path(),
                                    context.request().getHeader("X-Request-Id")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of the body is not read: the connection is closed once the answer is out.
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(body);
    }
}
