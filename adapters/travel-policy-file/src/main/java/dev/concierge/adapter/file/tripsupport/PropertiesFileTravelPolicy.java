package dev.concierge.adapter.file.tripsupport;

import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.TravelPolicyBook;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The travel policy from a UTF-8 properties file ({@code TRAVEL_POLICY_FILE}), or the built-in domestic-Japan policy
 * when none is configured. Read once at start-up: a wrong file stops the app with its name and every problem.
 */
final class PropertiesFileTravelPolicy implements TravelPolicySource {
    private final TravelPolicyBook book;

    private PropertiesFileTravelPolicy(TravelPolicyBook book) { this.book = book; }

    static PropertiesFileTravelPolicy load(Optional<Path> file) {
        return new PropertiesFileTravelPolicy(file.map(PropertiesFileTravelPolicy::read).orElseGet(() -> TravelPolicyBook.of(TravelPolicy.domesticJapan())));
    }

    @Override public TravelPolicy policy() { return book.latest(); }

    @Override public TravelPolicyBook book() { return book; }

    private static TravelPolicyBook read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw new InvalidTravelPolicyFile(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidTravelPolicyFile(file, "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new InvalidTravelPolicyFile(file, "it is not a properties file (" + e.getMessage() + ")");
        }
        try {
            return TravelPolicyBook.parse(properties);
        } catch (TravelPolicy.InvalidPolicy e) {
            throw new InvalidTravelPolicyFile(file, String.join("; ", e.problems()));
        }
    }

    /** Start-up stops with this: which file, and what is wrong in it. */
    static final class InvalidTravelPolicyFile extends IllegalStateException {
        InvalidTravelPolicyFile(Path file, String problem) {
            super("The travel policy file " + file.toAbsolutePath() + " (TRAVEL_POLICY_FILE) is not usable: " + problem
                    + ". Fix it (format in the README, example in docs/travel-policy.example.properties) or unset "
                    + "TRAVEL_POLICY_FILE to use the built-in domestic-Japan policy.");
        }
    }
}
