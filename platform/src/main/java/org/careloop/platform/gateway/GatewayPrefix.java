package org.careloop.platform.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * A service's API document with its paths relative to its gateway prefix ({@code /clients}, not
 * {@code /api/intake/clients}); the prefix is the document's server, so server and path add up to
 * the real URL.
 */
public class GatewayPrefix implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String prefix =
                ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.http.root-path", String.class)
                        .orElse("/")
                        .replaceAll("/+$", "");
        if (!prefix.isEmpty()
                && openAPI.getPaths() != null
                && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().setPathItems(relative(prefix, openAPI.getPaths().getPathItems()));
        }
    }

    static Map<String, PathItem> relative(String prefix, Map<String, PathItem> items) {
        Map<String, PathItem> relative = new LinkedHashMap<>();
        items.forEach(
                (path, item) ->
                        relative.put(
                                path.startsWith(prefix + "/")
                                        ? path.substring(prefix.length())
                                        : path,
                                item));
        return relative;
    }
}
