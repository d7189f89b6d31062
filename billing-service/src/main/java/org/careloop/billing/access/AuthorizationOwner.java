package org.careloop.billing.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/**
 * An authorization's client: the access check reaches the client through {@code authorizationId}.
 */
@Singleton
public class AuthorizationOwner extends OwnedIdQuery {

    AuthorizationOwner(Pool pool) {
        super(
                pool,
                "authorizationId",
                "select client_id from authorization_request where authorization_id = $1");
    }
}
