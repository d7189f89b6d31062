package org.careloop.billing.pas;

/**
 * A ClaimResponse whose outcome is {@code error}: the payer read the request and will not process
 * it as sent, so sending it again changes nothing until a person corrects it.
 */
public class RejectedRequest extends UnreadableAnswer {

    public RejectedRequest(String message) {
        super(message);
    }
}
