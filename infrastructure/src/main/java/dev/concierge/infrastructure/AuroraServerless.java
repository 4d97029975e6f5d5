package dev.concierge.infrastructure;

import software.constructs.Construct;

import java.util.Optional;

/**
 * Aurora Serverless v2 instead of provisioned instances (context {@code databaseCapacity=serverless}), a dev option
 * (seed 004: 0.5–2 ACU): the writer follows the load between {@code serverlessMinAcu} and {@code serverlessMaxAcu},
 * and the reader is kept only where the profile wants a second zone (prod), scaling with the writer. 0 as minimum
 * lets Aurora pause an idle instance; the first connection after a pause then waits about 15 seconds.
 *
 * @param minAcu the fewest Aurora capacity units (1 ACU ≈ 2 GiB of memory)
 * @param maxAcu the most
 */
public record AuroraServerless(double minAcu, double maxAcu) {
    public static final double DEFAULT_MIN_ACU = 0.5;
    public static final double DEFAULT_MAX_ACU = 2;

    public AuroraServerless {
        if (minAcu < 0 || maxAcu < 1 || maxAcu > 256 || minAcu > maxAcu || minAcu * 2 != Math.floor(minAcu * 2) || maxAcu * 2 != Math.floor(maxAcu * 2)) {
            throw new IllegalArgumentException("serverlessMinAcu and serverlessMaxAcu are steps of 0.5 with 0 <= min <= max, 1 <= max <= 256; got "
                    + minAcu + " and " + maxAcu);
        }
    }

    /** {@code databaseCapacity=provisioned} (the default) or {@code serverless}. */
    static Optional<AuroraServerless> from(Construct app) {
        String capacity = InfraApp.text(app, "databaseCapacity").orElse("provisioned");
        return switch (capacity) {
            case "provisioned" -> {
                if (InfraApp.text(app, "serverlessMinAcu").isPresent() || InfraApp.text(app, "serverlessMaxAcu").isPresent()) {
                    throw new IllegalArgumentException("serverlessMinAcu and serverlessMaxAcu need databaseCapacity=serverless");
                }
                yield Optional.empty();
            }
            case "serverless" -> Optional.of(new AuroraServerless(
                    InfraApp.text(app, "serverlessMinAcu").map(AuroraServerless::acu).orElse(DEFAULT_MIN_ACU),
                    InfraApp.text(app, "serverlessMaxAcu").map(AuroraServerless::acu).orElse(DEFAULT_MAX_ACU)));
            default -> throw new IllegalArgumentException("CDK context databaseCapacity must be provisioned or serverless, got '" + capacity + "'");
        };
    }

    private static double acu(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("serverlessMinAcu and serverlessMaxAcu are numbers such as 0.5 or 2, got '" + value + "'");
        }
    }
}
