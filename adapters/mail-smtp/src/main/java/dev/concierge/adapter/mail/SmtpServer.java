package dev.concierge.adapter.mail;

import java.util.Objects;
import java.util.Optional;

/** Where notification e-mails go out: the SMTP server, the sender, a login when required, and whether STARTTLS is required. */
public record SmtpServer(String host, int port, String from, Optional<String> user, Optional<String> password, boolean startTls) {
    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }
}
