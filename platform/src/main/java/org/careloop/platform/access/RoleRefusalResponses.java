package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.careloop.platform.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** A route's roles refused the caller: the refusal is audited, then answered as a 403 problem. */
public class RoleRefusalResponses {

    private static final Logger LOG = Logger.getLogger(RoleRefusalResponses.class);
    private static final String REQUEST_ID = "X-Request-Id";

    @Inject RoleRefusals roleRefusals;

    @ServerExceptionMapper
    public Uni<Response> forbidden(
            io.quarkus.security.ForbiddenException e,
            UriInfo uri,
            HttpHeaders headers,
            Request request,
            SimpleResourceInfo resource) {
        String requestId = headers.getHeaderString(REQUEST_ID);
        return roleRefusals
                .record(request.getMethod(), uri, requestId, resource)
                // The refusal stands even when it cannot be recorded (the database is down):
                // nothing was disclosed.
                .onFailure()
                .invoke(
                        failure ->
                                LOG.warnf(
                                        "could not audit a refusal of %s: %s",
                                        uri.getPath(), failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .map(
                        recorded ->
                                Response.status(403)
                                        .type(Problem.MEDIA_TYPE)
                                        .entity(
                                                Problem.of(
                                                                "forbidden",
                                                                "Forbidden",
                                                                403,
                                                                "your role does not allow this")
                                                        .at(
                                                                uri.getRequestUri().getPath(),
                                                                requestId))
                                        .build());
    }
}
