package org.careloop.platform.problem;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body is JSON or nothing: a body sent as text, or without a type, is a 415 whatever the
 * operation reads it into. (A body type built from one string, an addendum's text say, would
 * otherwise be read from plain text.)
 */
public class JsonBodies {

    @ServerRequestFilter
    public void onlyJson(ContainerRequestContext request) {
        // An empty POST (a signature, a rebuild) has no type to check, whatever client sent it.
        int length = request.getLength();
        boolean body =
                length > 0 || (length < 0 && request.getHeaderString("Transfer-Encoding") != null);
        if (!body) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean json =
                type != null
                        && type.getType().equalsIgnoreCase("application")
                        && (type.getSubtype().equalsIgnoreCase("json")
                                || type.getSubtype().toLowerCase().endsWith("+json"));
        if (!json) {
            throw new NotSupportedException();
        }
    }
}
