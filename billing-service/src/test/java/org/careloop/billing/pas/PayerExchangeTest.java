package org.careloop.billing.pas;

import static org.careloop.billing.pas.PayerStandIn.Answer.approved;
import static org.careloop.billing.pas.PayerStandIn.Answer.broken;
import static org.careloop.billing.pas.PayerStandIn.Answer.denied;
import static org.careloop.billing.pas.PayerStandIn.Answer.garbage;
import static org.careloop.billing.pas.PayerStandIn.Answer.partiallyApproved;
import static org.careloop.billing.pas.PayerStandIn.Answer.pended;
import static org.careloop.billing.pas.PayerStandIn.Answer.slow;
import static org.careloop.billing.pas.PayerStandIn.Answer.stalled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.careloop.billing.pas.PayerAnswer.Decided;
import org.careloop.billing.pas.PayerAnswer.Pended;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls to a payer, against a stand-in on a loopback port. Names resolve from a table, never
 * through DNS, and nothing is sent beyond 127.0.0.1.
 */
class PayerExchangeTest {

    static final Duration TIMEOUT = Duration.ofMillis(800);
    static final String CLIENT_ID = "careloop-clinic";
    static final String SECRET = "s3cret-basic-password";
    static final LocalDate START = PasRequests.START;
    static final LocalDate END = PasRequests.END;

    /** A made-up name a hostile DNS answer points at the cloud's metadata service. */
    static final String REBOUND_HOST = "payer-rebound.invalid";

    static final Map<String, List<InetAddress>> DNS =
            Map.of(REBOUND_HOST, List.of(address(169, 254, 169, 254)));

    final List<String> lookedUp = new CopyOnWriteArrayList<>();
    final OutboundAddressPolicy loopbackAdmitted =
            new OutboundAddressPolicy(List.of(), List.of("127.0.0.0/8"), Set.of(), this::resolve);
    final String submission =
            PasBundles.submission(
                    PasRequests.weeklyTherapy(Urgency.EXPEDITED),
                    Instant.parse("2026-12-01T09:30:00Z"));

    PayerStandIn payer;
    PayerExchange exchange;
    PayerEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        payer = new PayerStandIn();
        exchange = new PayerExchange(loopbackAdmitted, TIMEOUT);
        endpoint = new PayerEndpoint(payer.baseUrl(), CLIENT_ID, SECRET);
    }

    @AfterEach
    void stop() {
        exchange.close();
        payer.close();
    }

    @Test
    void anApprovedSubmissionIsAnsweredWithTheAuthorization() throws Exception {
        payer.answerSubmit(approved("PA-2001", "90837", 12, START, END));

        Decided decided = decided(exchange.submit(endpoint, submission));

        assertEquals(Outcome.APPROVED, decided.outcome());
        assertEquals("PA-2001", decided.authorizationNumber());
        assertEquals(List.of(new RequestedService("90837", 12)), decided.services());
        assertEquals(START, decided.startDate());
        assertEquals(END, decided.endDate());
    }

    @Test
    void theSubmissionIsPostedToClaimSubmitAsFhirJsonTheWayItWasBuilt() throws Exception {
        decided(exchange.submit(endpoint, submission), Pended.class);

        PayerStandIn.Call call = payer.calls().getFirst();
        assertEquals(PayerStandIn.SUBMIT, call.operation());
        assertEquals(PayerExchange.FHIR_JSON, call.contentType());
        assertEquals(submission, call.body());
        Claim claim = (Claim) call.bundle().getEntryFirstRep().getResource();
        assertEquals(Claim.Use.PREAUTHORIZATION, claim.getUse());
        assertEquals("stat", claim.getPriority().getCodingFirstRep().getCode());
    }

    @Test
    void theClientCredentialsAreSentAsHttpBasic() throws Exception {
        exchange.submit(endpoint, submission).toCompletableFuture().get(5, TimeUnit.SECONDS);

        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (CLIENT_ID + ":" + SECRET)
                                                .getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, payer.calls().getFirst().authorization());
    }

    @Test
    void anEndpointWithoutCredentialsIsCalledWithoutAnAuthorizationHeader() throws Exception {
        exchange.submit(new PayerEndpoint(payer.baseUrl() + "/", null, null), submission)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertEquals(null, payer.calls().getFirst().authorization());
        assertEquals(PayerStandIn.SUBMIT, payer.calls().getFirst().operation());
    }

    @Test
    void aPendedSubmissionIsAnsweredPendedWithThePayersReference() throws Exception {
        payer.answerSubmit(pended("clinical records requested"));

        Pended pended = decided(exchange.submit(endpoint, submission), Pended.class);

        assertEquals("clinical records requested", pended.reason());
        assertEquals("REF-PENDED", pended.payerReference());
    }

    @Test
    void aDeniedSubmissionIsAnsweredDeniedWithTheReason() throws Exception {
        payer.answerSubmit(denied("not medically necessary"));

        Decided decided = decided(exchange.submit(endpoint, submission));

        assertEquals(Outcome.DENIED, decided.outcome());
        assertEquals("not medically necessary", decided.reason());
    }

    @Test
    void anInquiryIsPostedToClaimInquireAndAnsweredLikeASubmission() throws Exception {
        payer.answerSubmit(pended("queued"));
        payer.answerInquire(partiallyApproved("PA-2002", "90837", 6, START, END, "six first"));
        String inquiry =
                PasBundles.inquiry(
                        PasRequests.weeklyTherapy(Urgency.EXPEDITED),
                        "REF-PENDED",
                        Instant.parse("2026-12-08T09:30:00Z"));

        decided(exchange.submit(endpoint, submission), Pended.class);
        Decided decided = decided(exchange.inquire(endpoint, inquiry));

        assertEquals(Outcome.PARTIALLY_APPROVED, decided.outcome());
        assertEquals(List.of(new RequestedService("90837", 6)), decided.services());
        assertEquals(
                List.of(PayerStandIn.SUBMIT, PayerStandIn.INQUIRE),
                payer.calls().stream().map(PayerStandIn.Call::operation).toList());
        assertEquals(inquiry, payer.calls().get(1).body());
    }

    @Test
    void aPayerSlowerThanTheTimeoutIsUnavailableWhenTheTimeoutRunsOut() throws Exception {
        payer.answerSubmit(slow(Duration.ofSeconds(10)));
        long started = System.nanoTime();

        Exchange.Unavailable unavailable =
                outcome(exchange.submit(endpoint, submission), Exchange.Unavailable.class);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertTrue(unavailable.reason().contains("800 ms"), unavailable.reason());
    }

    @Test
    void aPayerThatStallsHalfwayThroughItsAnswerIsUnavailableWhenTheTimeoutRunsOut()
            throws Exception {
        payer.answerSubmit(stalled(Duration.ofSeconds(10)));
        long started = System.nanoTime();

        Exchange.Unavailable unavailable =
                outcome(exchange.submit(endpoint, submission), Exchange.Unavailable.class);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertTrue(unavailable.reason().contains("800 ms"), unavailable.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void aServerErrorOrAPleaseWaitIsUnavailable(int status) throws Exception {
        payer.answerSubmit(broken(status));

        Exchange.Unavailable unavailable =
                outcome(exchange.submit(endpoint, submission), Exchange.Unavailable.class);

        assertTrue(unavailable.reason().contains(String.valueOf(status)), unavailable.reason());
    }

    @Test
    void aSuccessWhoseBodyIsNotAClaimResponseIsUnavailable() throws Exception {
        payer.answerSubmit(garbage());

        Exchange.Unavailable unavailable =
                outcome(exchange.submit(endpoint, submission), Exchange.Unavailable.class);

        assertTrue(unavailable.reason().contains("cannot be read"), unavailable.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void aClientErrorIsRefusedWithWhatThePayerSaid(int status) throws Exception {
        payer.answerSubmit(broken(status));

        Exchange.Refused refused =
                outcome(exchange.submit(endpoint, submission), Exchange.Refused.class);

        assertTrue(refused.reason().contains("HTTP " + status), refused.reason());
        assertTrue(refused.reason().contains("told to answer " + status), refused.reason());
        assertFalse(refused.reason().contains(SECRET));
    }

    @Test
    void aPayerThatIsDownIsUnavailableAndAnswersOnceItIsUpAgain() throws Exception {
        payer.answerSubmit(approved("PA-2003", "90837", 12, START, END));
        payer.down();

        outcome(exchange.submit(endpoint, submission), Exchange.Unavailable.class);

        payer.up();
        assertEquals(
                "PA-2003", decided(exchange.submit(endpoint, submission)).authorizationNumber());
    }

    @Test
    void aPortNobodyListensOnIsUnavailable() throws Exception {
        PayerEndpoint gone = endpoint;
        payer.close();

        Exchange.Unavailable unavailable =
                outcome(exchange.submit(gone, submission), Exchange.Unavailable.class);

        assertFalse(unavailable.reason().contains(SECRET));
    }

    @Test
    void anEndpointTheAddressRuleRefusesIsRefusedWithoutAnyConnection() throws Exception {
        PayerEndpoint rebound =
                new PayerEndpoint("https://" + REBOUND_HOST + "/fhir", CLIENT_ID, SECRET);

        Exchange.Refused refused =
                outcome(exchange.submit(rebound, submission), Exchange.Refused.class);

        assertTrue(refused.reason().contains("metadata"), refused.reason());
        // Refused, not unavailable: the client never tried the name, which only the table knows.
        assertEquals(List.of(REBOUND_HOST), lookedUp);
        assertEquals(List.of(), payer.calls());
    }

    @Test
    void anEndpointWithAPasswordInItsUrlIsRefusedWithoutRepeatingIt() throws Exception {
        String withPassword = payer.baseUrl().replace("http://", "http://payer:hunter22@");

        Exchange.Refused refused =
                outcome(
                        exchange.submit(new PayerEndpoint(withPassword, null, null), submission),
                        Exchange.Refused.class);

        assertTrue(refused.reason().contains("user name or password"), refused.reason());
        assertFalse(refused.reason().contains("hunter22"), refused.reason());
        assertEquals(List.of(), payer.calls());
    }

    @Test
    void anEndpointWhoseNameDoesNotResolveIsUnavailable() throws Exception {
        PayerEndpoint unknown = new PayerEndpoint("https://nowhere.invalid/fhir", null, null);

        Exchange.Unavailable unavailable =
                outcome(exchange.submit(unknown, submission), Exchange.Unavailable.class);

        assertTrue(unavailable.reason().contains("nowhere.invalid"), unavailable.reason());
    }

    @Test
    void anEndpointNeverShowsItsSecret() {
        assertFalse(endpoint.toString().contains(SECRET), endpoint.toString());
        assertTrue(endpoint.toString().contains(CLIENT_ID));
    }

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        lookedUp.add(host);
        List<InetAddress> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    private static Decided decided(CompletionStage<Exchange> call) throws Exception {
        return decided(call, Decided.class);
    }

    private static <T extends PayerAnswer> T decided(CompletionStage<Exchange> call, Class<T> type)
            throws Exception {
        Exchange.Answered answered = outcome(call, Exchange.Answered.class);
        return assertInstanceOf(type, answered.answer());
    }

    private static <T extends Exchange> T outcome(CompletionStage<Exchange> call, Class<T> type)
            throws Exception {
        Exchange exchange = call.toCompletableFuture().get(10, TimeUnit.SECONDS);
        return assertInstanceOf(type, exchange, String.valueOf(exchange));
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
