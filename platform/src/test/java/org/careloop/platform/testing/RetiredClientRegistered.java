package org.careloop.platform.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.careloop.contracts.Upcaster;

/**
 * A retired version for tests of the consumer path: suppose intake once published {@code
 * ClientRegistered.v0} with one {@code fullName}. Its upcaster splits the name at the last space
 * into the current record's two fields.
 */
public final class RetiredClientRegistered implements Upcaster {

    public static final String TYPE = "careloop.intake.ClientRegistered.v0";

    @Override
    public String fromType() {
        return TYPE;
    }

    @Override
    public String toType() {
        return "careloop.intake.ClientRegistered.v1";
    }

    @Override
    public ObjectNode upcast(ObjectNode retired) {
        String fullName = retired.remove("fullName").asText();
        int space = fullName.lastIndexOf(' ');
        retired.put("firstName", fullName.substring(0, space));
        retired.put("lastName", fullName.substring(space + 1));
        return retired;
    }
}
