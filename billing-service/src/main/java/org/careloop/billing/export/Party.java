package org.careloop.billing.export;

/** A submitter, receiver or payer, by the id the clearinghouse knows it by and its name. */
public record Party(String id, String name) {

    public Party {
        id = FieldRules.text(id, "Party.id", 2, 80);
        name = FieldRules.text(name, "Party.name", 1, 60);
    }
}
