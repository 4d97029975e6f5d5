package dev.concierge.adapter.file.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.port.out.TravellerDirectory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The company's travellers from a UTF-8 properties file ({@code TRAVELLERS_FILE}): one line per user id (as the
 * identity provider names them) with {@code grade}, {@code manager} and {@code email}, e.g.
 * {@code alice@example.com = grade: manager; manager: bob@example.com; email: alice@example.com}. Without a file
 * nobody has a manager (the approver group decides) and everyone has the default grade. Read once at start-up; a
 * wrong file stops the app naming every problem.
 */
final class PropertiesFileTravellers implements TravellerDirectory {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern GRADE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final Map<UserId, Traveller> travellers;

    private PropertiesFileTravellers(Map<UserId, Traveller> travellers) { this.travellers = Map.copyOf(travellers); }

    static PropertiesFileTravellers load(Optional<Path> file) {
        return new PropertiesFileTravellers(file.map(PropertiesFileTravellers::read).orElse(Map.of()));
    }

    @Override public Traveller find(UserId user) { return travellers.getOrDefault(user, Traveller.unknown(user)); }

    private static Map<UserId, Traveller> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw invalid(file, List.of("it is not UTF-8 text"));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(file, List.of("it cannot be read (" + e.getMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        Map<UserId, Traveller> result = new HashMap<>();
        for (String user : new TreeSet<>(properties.stringPropertyNames())) {
            String grade = null;
            String manager = null;
            String email = null;
            for (String part : properties.getProperty(user).split(";")) {
                if (part.isBlank()) continue;
                int colon = part.indexOf(':');
                String name = colon < 0 ? part.strip() : part.substring(0, colon).strip();
                String value = colon < 0 ? "" : part.substring(colon + 1).strip();
                switch (name) {
                    case "grade" -> {
                        if (!GRADE.matcher(value).matches()) problems.add(user + ": grade is 1 to 40 letters, digits, '-' or '_', got '" + value + "'");
                        grade = value;
                    }
                    case "manager" -> manager = value;
                    case "email" -> {
                        if (!EMAIL.matcher(value).matches()) problems.add(user + ": email '" + value + "' is not an e-mail address");
                        email = value;
                    }
                    default -> problems.add(user + ": unknown field '" + name + "' (known: grade, manager, email)");
                }
            }
            if (manager != null && (manager.isEmpty() || manager.equals(user))) problems.add(user + ": manager must name someone else");
            try {
                UserId id = new UserId(user);
                result.put(id, new Traveller(id, grade, Optional.ofNullable(manager).filter(m -> !m.isEmpty()).map(UserId::new),
                        Optional.ofNullable(email)));
            } catch (RuntimeException e) {
                problems.add(user + ": not a user id (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) throw invalid(file, problems);
        return result;
    }

    private static IllegalStateException invalid(Path file, List<String> problems) {
        return new IllegalStateException("The travellers file " + file.toAbsolutePath() + " (TRAVELLERS_FILE) is not usable: "
                + String.join("; ", problems) + ". Fix it (format in the README, example in docs/travellers.example.properties) "
                + "or unset TRAVELLERS_FILE.");
    }
}
