package org.careloop.platform.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The keys of the {@link SecretBox}, from configuration: {@code careloop.secrets.keys.<id>} (base64
 * of 32 random bytes, or {@code CARELOOP_SECRETS_KEYS_<ID>} in the environment) and {@code
 * careloop.secrets.current-key}. There is no default outside the dev and test profiles: a service
 * that keeps secrets does not start without its keys.
 */
@ApplicationScoped
public class SecretKeys {

    static final String PREFIX = "careloop.secrets.keys.";
    static final String CURRENT = "careloop.secrets.current-key";
    private static final String ENV_PREFIX = "CARELOOP_SECRETS_KEYS_";

    @Produces
    @Singleton
    SecretBox secretBox(Config config) {
        return from(config);
    }

    static SecretBox from(Config config) {
        String current =
                config.getOptionalValue(CURRENT, String.class)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                CURRENT
                                                        + " is not set: this service keeps secrets"
                                                        + " sealed and needs a key. Set "
                                                        + PREFIX
                                                        + "<id> to the base64 of 32 random bytes"
                                                        + " (openssl rand -base64 32) and "
                                                        + CURRENT
                                                        + "=<id>; in the environment "
                                                        + ENV_PREFIX
                                                        + "<ID> and CARELOOP_SECRETS_CURRENT_KEY."));
        Map<String, byte[]> keys = new TreeMap<>();
        for (String id : keyIds(config.getPropertyNames())) {
            String value = config.getOptionalValue(PREFIX + id, String.class).orElse("");
            try {
                keys.put(id, Base64.getDecoder().decode(value.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PREFIX + id + " is not base64", e);
            }
        }
        try {
            return new SecretBox(current, keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    e.getMessage() + " (" + PREFIX + "<id>, " + CURRENT + ")", e);
        }
    }

    /**
     * The key ids named by configuration, in either form: {@code careloop.secrets.keys.k1} or
     * {@code CARELOOP_SECRETS_KEYS_K1} (ids are lower case, so the two forms name one key).
     */
    static Set<String> keyIds(Iterable<String> propertyNames) {
        Set<String> ids = new TreeSet<>();
        for (String name : propertyNames) {
            String id = null;
            if (name.startsWith(PREFIX)) {
                id = name.substring(PREFIX.length());
            } else if (name.startsWith(ENV_PREFIX)) {
                id = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
            }
            if (id != null && !id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
