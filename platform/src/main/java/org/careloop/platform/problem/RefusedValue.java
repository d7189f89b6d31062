package org.careloop.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A request-body value that reads as its type but breaks an input rule; answered as a 400 naming
 * its JSON path.
 */
public class RefusedValue extends JsonMappingException {

    private final String reason;

    public RefusedValue(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
