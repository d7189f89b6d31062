package org.careloop.referral.partner;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.InvalidCommand;

/** Sets up a partner in the directory; runs in the caller's transaction. */
@ApplicationScoped
public class Partners {

    /** A partner id as staff name it in paths: lower case, digits and dashes ({@code demo-iop}). */
    public static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Commands commands;
    private final Clock clock;

    Partners(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public static String partnerId(String parameter, String value) {
        if (value == null || !PARTNER_ID.matcher(value).matches()) {
            throw new InvalidCommand(
                    parameter, "must be lower-case letters, digits and dashes, at most 64");
        }
        return value;
    }

    /** The recipient a disclosure to this partner names, as consents name it. */
    public static String recipient(String partnerId) {
        return "partner:" + partnerId;
    }

    public Uni<Void> configure(String partnerId, ConfigurePartner command, String by) {
        ConfigurePartner.Contact contact =
                command.contact() == null
                        ? new ConfigurePartner.Contact(null, null)
                        : command.contact();
        PartnerEvent event =
                new PartnerEvent.Configured(
                        partnerId,
                        command.name(),
                        command.services().stream().distinct().sorted().toList(),
                        contact.phone(),
                        contact.email(),
                        Boolean.TRUE.equals(command.electronic()),
                        clock.instant(),
                        by);
        return commands.handle(
                        StreamId.of(PartnerEvent.STREAM, partnerId),
                        PartnerEvent.class,
                        history -> new Decision<>(List.of(event), List.of()),
                        by)
                .replaceWithVoid();
    }
}
