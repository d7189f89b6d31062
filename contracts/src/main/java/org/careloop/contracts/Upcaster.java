package org.careloop.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns the JSON of a retired event version into the JSON of the next version. A pure function. */
public interface Upcaster {

    String fromType();

    String toType();

    ObjectNode upcast(ObjectNode retired);
}
