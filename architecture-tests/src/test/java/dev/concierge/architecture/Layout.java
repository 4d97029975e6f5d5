package dev.concierge.architecture;

import java.util.List;
import java.util.Set;

/**
 * The package layout the rules speak about (ARCHITECTURE.md, "Packages and names"). Rules are written over patterns
 * such as {@code dev.concierge.domain.(*)..}, so a new context or adapter is covered without touching them; the
 * lists below only feed the checks that every package a rule names really holds classes (rule 8).
 */
final class Layout {
    static final String BASE = "dev.concierge";
    static final String DOMAIN = BASE + ".domain";
    /** Shared kernel: every context may depend on it; it depends on no context. */
    static final String KERNEL = DOMAIN + ".kernel";
    static final String ADAPTER = BASE + ".adapter";
    static final String HTTP = ADAPTER + ".http";
    static final String PERSISTENCE = ADAPTER + ".persistence";
    /** jOOQ's generated code, one subpackage per schema ({@code jooq.favourites}, later {@code jooq.trip_support}). */
    static final String GENERATED_JOOQ = PERSISTENCE + ".jooq";
    static final String LLM = ADAPTER + ".llm";
    static final String SECRETS = ADAPTER + ".secrets";
    static final String BOOTSTRAP = BASE + ".bootstrap";
    static final String INFRASTRUCTURE = BASE + ".infrastructure";

    /**
     * Adapter subpackages every context of that adapter shares. Any other {@code dev.concierge.adapter.<tech>.<sub>}
     * belongs to one context and must not reach into another context's subpackage.
     */
    static final List<String> SHARED_ADAPTER_PACKAGES = List.of(
            HTTP + ".web", HTTP + ".health", HTTP + ".identity", HTTP + ".wiring", PERSISTENCE + ".jdbc", PERSISTENCE + ".sql", GENERATED_JOOQ);

    /** One PostgreSQL schema per context (ARCHITECTURE.md rule 7). */
    static final Set<String> CONTEXT_SCHEMAS = Set.of("trip_support", "test_case_generation", "favourites");

    /**
     * Every package a rule names, as it exists today: a rule over an empty or misspelled package checks nothing.
     * Add a context's packages here when it lands (trip support, secrets adapter, more adapter subpackages).
     */
    static final List<String> NAMED_PACKAGES = List.of(
            KERNEL,
            DOMAIN + ".favourites.model",
            DOMAIN + ".favourites.port.in",
            DOMAIN + ".favourites.port.out",
            DOMAIN + ".favourites.application",
            DOMAIN + ".testcasegeneration.model",
            DOMAIN + ".testcasegeneration.port.in",
            DOMAIN + ".testcasegeneration.port.out",
            DOMAIN + ".testcasegeneration.application",
            DOMAIN + ".tripsupport.model",
            DOMAIN + ".tripsupport.port.in",
            DOMAIN + ".tripsupport.port.out",
            DOMAIN + ".tripsupport.application",
            HTTP,
            HTTP + ".favourites",
            HTTP + ".testcasegeneration",
            HTTP + ".tripsupport",
            HTTP + ".web",
            HTTP + ".health",
            HTTP + ".identity",
            HTTP + ".wiring",
            PERSISTENCE,
            PERSISTENCE + ".favourites",
            PERSISTENCE + ".testcasegeneration",
            PERSISTENCE + ".jdbc",
            GENERATED_JOOQ,
            GENERATED_JOOQ + ".favourites",
            GENERATED_JOOQ + ".test_case_generation",
            LLM,
            LLM + ".testcasegeneration",
            PERSISTENCE + ".tripsupport",
            GENERATED_JOOQ + ".trip_support",
            LLM + ".tripsupport",
            ADAPTER + ".file.tripsupport",
            SECRETS,
            BOOTSTRAP,
            INFRASTRUCTURE);

    /**
     * Technology packages the confinement rules name that production code uses today. {@code software.amazon.awscdk}
     * is used by the infrastructure module, which is not part of the runtime jar but is imported here all the same
     * (architecture-tests depends on it) so the CDK stays confined to it.
     */
    static final List<String> TECHNOLOGIES_IN_USE = List.of(
            "io.javalin", "org.eclipse.jetty", "gg.jte",
            "org.jooq", "com.zaxxer.hikari", "org.flywaydb", "io.zonky",
            "com.google.inject",
            "dev.langchain4j",
            "com.nimbusds",
            "software.amazon.awssdk", "software.amazon.awscdk");

    private Layout() {}
}
