package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;

/**
 * A {@link ClientOwnedId} answered by one query of this service's read model: id in, client out.
 */
public abstract class OwnedIdQuery implements ClientOwnedId {

    private final Pool pool;
    private final String parameter;
    private final String sql;

    protected OwnedIdQuery(Pool pool, String parameter, String sql) {
        this.pool = pool;
        this.parameter = parameter;
        this.sql = sql;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public Uni<UUID> clientOf(UUID id) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(id))
                .map(
                        rows -> {
                            RowIterator<Row> iterator = rows.iterator();
                            return iterator.hasNext() ? iterator.next().getUUID(0) : null;
                        });
    }
}
