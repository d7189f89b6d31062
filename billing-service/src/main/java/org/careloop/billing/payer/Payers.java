package org.careloop.billing.payer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.careloop.billing.claimtrigger.ClaimTriggers;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.secret.SecretBox;

/** Sets a payer's rules; claims held on that payer are evaluated again in the same transaction. */
@ApplicationScoped
public class Payers {

    /** A payer id as staff name it in paths: lower case, digits and dashes ({@code aetna-oh}). */
    public static final Pattern PAYER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Commands commands;
    private final PayerEndpoints endpoints;
    private final SecretBox secrets;
    private final ClaimTriggers held;
    private final Clock clock;

    Payers(
            Commands commands,
            PayerEndpoints endpoints,
            SecretBox secrets,
            ClaimTriggers held,
            Clock clock) {
        this.commands = commands;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.held = held;
        this.clock = clock;
    }

    public static String payerId(String parameter, String value) {
        if (value == null || !PAYER_ID.matcher(value).matches()) {
            throw new InvalidCommand(
                    parameter, "must be lower-case letters, digits and dashes, at most 64");
        }
        return value;
    }

    public Uni<Void> configure(String payerId, ConfigurePayer command, String by) {
        PayerRules.PasAccess pas = null;
        if (command.pas() != null) {
            endpoints.check("pas.baseUrl", command.pas().baseUrl());
            pas =
                    new PayerRules.PasAccess(
                            command.pas().baseUrl(),
                            command.pas().clientId(),
                            secrets.seal(command.pas().clientSecret()));
        }
        ConfigurePayer.Telehealth telehealth =
                command.telehealth() == null
                        ? new ConfigurePayer.Telehealth(null, null)
                        : command.telehealth();
        Map<String, BigDecimal> fees = command.fees();
        PayerRules rules =
                new PayerRules(
                        Set.copyOf(
                                command.requiresAuthorization() == null
                                        ? List.of()
                                        : command.requiresAuthorization()),
                        telehealth.videoModifier() == null ? "95" : telehealth.videoModifier(),
                        telehealth.audioOnlyModifier() == null
                                ? "93"
                                : telehealth.audioOnlyModifier(),
                        Boolean.TRUE.equals(command.supervisedBilling()),
                        fees,
                        command.timelyFilingDays() == null
                                ? PayerRules.DEFAULT_TIMELY_FILING_DAYS
                                : command.timelyFilingDays(),
                        command.claimFilingIndicator() == null
                                ? "CI"
                                : command.claimFilingIndicator(),
                        pas);
        PayerEvent event =
                new PayerEvent.Configured(payerId, command.name(), rules, clock.instant(), by);
        return commands.handle(
                        StreamId.of(PayerEvent.STREAM, payerId),
                        PayerEvent.class,
                        history -> new Decision<>(List.of(event), List.of()),
                        by)
                .call(() -> held.reconsiderPayer(payerId))
                .replaceWithVoid();
    }
}
