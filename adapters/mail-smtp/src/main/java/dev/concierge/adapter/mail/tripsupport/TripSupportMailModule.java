package dev.concierge.adapter.mail.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.mail.SmtpMailer;
import dev.concierge.adapter.mail.SmtpServer;
import dev.concierge.domain.tripsupport.port.out.NotificationMail;

import java.time.Clock;
import java.util.Optional;

/** Trip approval notifications by e-mail through the configured SMTP server; without one, none are sent. */
public final class TripSupportMailModule extends AbstractModule {
    private final Optional<SmtpServer> server;

    public TripSupportMailModule(Optional<SmtpServer> server) { this.server = server; }

    @Provides @Singleton NotificationMail mail(Clock clock) {
        return server.<NotificationMail>map(s -> new SmtpNotificationMail(new SmtpMailer(s), clock.getZone())).orElse(NotificationMail.OFF);
    }
}
