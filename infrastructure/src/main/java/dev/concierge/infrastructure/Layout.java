package dev.concierge.infrastructure;

import java.util.Locale;

/** How the app and the model server are laid out on ECS, chosen by the CDK context {@code layout}. */
public enum Layout {
    /**
     * Two tiers from the same image: a Fargate web service ({@code ROLE=web}, no GPU) behind the load balancer, and
     * GPU generation tasks (the model server beside {@code ROLE=worker} app containers) scaled on the job queue; the
     * web tier reaches the model server over ECS Service Connect.
     */
    TIERED,
    /** Seed 002's small install: one GPU task holds the app ({@code ROLE=all}) and the model server on localhost. */
    COMBINED;

    static Layout named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiered" -> TIERED;
            case "combined" -> COMBINED;
            default -> throw new IllegalArgumentException("CDK context layout must be tiered or combined, got '" + name + "'");
        };
    }
}
