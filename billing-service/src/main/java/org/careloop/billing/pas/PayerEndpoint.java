package org.careloop.billing.pas;

import java.util.Objects;

/**
 * Where a payer takes PAS requests (its FHIR base URL) and the client credentials it expects. The
 * secret never appears in {@link #toString()}.
 */
public record PayerEndpoint(String baseUrl, String clientId, String clientSecret) {

    public PayerEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if ((clientId == null) != (clientSecret == null)) {
            throw new IllegalArgumentException(
                    "a payer's client id and secret come together or not at all");
        }
        if (clientId != null && clientId.contains(":")) {
            throw new IllegalArgumentException(
                    "a client id for HTTP Basic authentication cannot contain a colon");
        }
    }

    @Override
    public String toString() {
        return "PayerEndpoint[baseUrl="
                + baseUrl
                + ", clientId="
                + clientId
                + ", clientSecret="
                + (clientSecret == null ? "none" : "***")
                + "]";
    }
}
