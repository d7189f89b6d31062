package org.careloop.platform.access;

/**
 * A relation a service derives from its own records: work a member of staff has under way about a
 * client there (a referral they made and must still send or review, say), which keeps the client
 * within their reach in that service alone, whatever happened to the care team since.
 */
public interface OwnWork {

    /**
     * A query of this service's read model selecting {@code client_id} for the member of staff
     * {@code $1} at the time {@code $2}.
     */
    String clientsOf();
}
