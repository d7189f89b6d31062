package org.careloop.platform.gateway;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code Location} a service sends points at the configured public URL, never at a host the
 * request named.
 */
@Provider
public class PublicLocation implements ContainerResponseFilter {

    @ConfigProperty(name = "careloop.public-url")
    URI publicUrl;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            response.getHeaders()
                    .putSingle(
                            HttpHeaders.LOCATION, at(publicUrl, URI.create(location.toString())));
        }
    }

    /**
     * The location's path and query under the public URL; its own scheme, host and port are
     * dropped.
     */
    static URI at(URI publicUrl, URI location) {
        String prefix =
                publicUrl.getRawPath() == null ? "" : publicUrl.getRawPath().replaceAll("/+$", "");
        String origin = publicUrl.getScheme() + "://" + publicUrl.getRawAuthority() + prefix;
        String path =
                location.getRawPath() == null || location.getRawPath().isEmpty()
                        ? "/"
                        : location.getRawPath();
        String query = location.getRawQuery() == null ? "" : "?" + location.getRawQuery();
        return URI.create(origin + path + query);
    }
}
