package dev.concierge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.concierge.adapter.persistence.ContextSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The package layout the rules speak about (ARCHITECTURE.md, "Packages and names"). Rules are written over patterns
 * such as {@code dev.concierge.domain.(*)..}, so a new context or adapter is covered without touching them; the
 * contexts themselves are found in the code ({@link #contexts()}), never listed, and feed the checks that every
 * package a rule names really holds classes (rule 8).
 */
final class Layout {
    static final String BASE = "dev.concierge";
    static final String DOMAIN = BASE + ".domain";
    /** Shared kernel: every context may depend on it; it depends on no context. */
    static final String KERNEL = DOMAIN + ".kernel";
    static final String ADAPTER = BASE + ".adapter";
    static final String HTTP = ADAPTER + ".http";
    static final String PERSISTENCE = ADAPTER + ".persistence";
    /** jOOQ's generated code, one subpackage per context schema ({@code jooq.<schema>}). */
    static final String GENERATED_JOOQ = PERSISTENCE + ".jooq";
    static final String LLM = ADAPTER + ".llm";
    static final String SECRETS = ADAPTER + ".secrets";
    /** Stored files: an S3 bucket (the AWS SDK) or a local directory. */
    static final String FILES = ADAPTER + ".files";
    /** Notifications by e-mail over SMTP. */
    static final String MAIL = ADAPTER + ".mail";
    static final String BOOTSTRAP = BASE + ".bootstrap";
    static final String INFRASTRUCTURE = BASE + ".infrastructure";

    /**
     * Adapter subpackages every context of that adapter shares. Any other {@code dev.concierge.adapter.<tech>.<sub>}
     * belongs to one context and must not reach into another context's subpackage.
     */
    static final List<String> SHARED_ADAPTER_PACKAGES = List.of(
            HTTP + ".web", HTTP + ".health", HTTP + ".identity", HTTP + ".wiring", PERSISTENCE + ".sql", GENERATED_JOOQ);

    /** Shared packages a rule names; each context's packages are added by {@link #namedPackages()}. */
    static final List<String> SHARED_NAMED_PACKAGES = List.of(
            KERNEL, HTTP, HTTP + ".web", HTTP + ".health", HTTP + ".identity", HTTP + ".wiring",
            PERSISTENCE, PERSISTENCE + ".sql", GENERATED_JOOQ, LLM, SECRETS, FILES, MAIL, BOOTSTRAP, INFRASTRUCTURE);

    /** The layers every domain context has (ARCHITECTURE.md, "Packages and names"), each named by some rule. */
    static final List<String> DOMAIN_LAYERS = List.of("model", "port.in", "port.out", "application");

    /**
     * The bounded contexts, found in the code: every {@code dev.concierge.domain.<context>} package holding production
     * classes, except the shared kernel. Nothing lists them, so a new context is covered when its classes exist.
     */
    static SortedSet<String> contexts() {
        SortedSet<String> contexts = new TreeSet<>();
        for (JavaClass javaClass : ProductionClasses.get()) {
            AdapterRules.firstSegmentBelow(DOMAIN, javaClass.getPackageName()).ifPresent(contexts::add);
        }
        contexts.remove(KERNEL.substring(DOMAIN.length() + 1));
        return contexts;
    }

    /** One PostgreSQL schema per context (rule 7): the schemas the persistence adapter migrates, from its entries. */
    static List<String> contextSchemas() { return ContextSchemas.ALL; }

    /**
     * Every package a rule names, as it exists today: a rule over an empty or misspelled package checks nothing. The
     * shared ones are listed; each context found in the code adds its domain layers, and each migrated schema its
     * generated jOOQ package (which the rule on schema ownership speaks about).
     */
    static List<String> namedPackages() {
        List<String> named = new ArrayList<>(SHARED_NAMED_PACKAGES);
        for (String context : contexts()) {
            for (String layer : DOMAIN_LAYERS) named.add(DOMAIN + "." + context + "." + layer);
        }
        for (String schema : contextSchemas()) named.add(GENERATED_JOOQ + "." + schema);
        return named;
    }

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
            "jakarta.mail",
            "software.amazon.awssdk", "software.amazon.awscdk");

    private Layout() {}
}
