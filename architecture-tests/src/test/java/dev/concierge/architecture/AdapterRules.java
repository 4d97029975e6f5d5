package dev.concierge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.concierge.architecture.Layout.ADAPTER;
import static dev.concierge.architecture.Layout.BOOTSTRAP;
import static dev.concierge.architecture.Layout.FILES;
import static dev.concierge.architecture.Layout.MAIL;
import static dev.concierge.architecture.Layout.GENERATED_JOOQ;
import static dev.concierge.architecture.Layout.HTTP;
import static dev.concierge.architecture.Layout.INFRASTRUCTURE;
import static dev.concierge.architecture.Layout.LLM;
import static dev.concierge.architecture.Layout.PERSISTENCE;
import static dev.concierge.architecture.Layout.SECRETS;
import static dev.concierge.architecture.Layout.SHARED_ADAPTER_PACKAGES;

/** ARCHITECTURE.md rules 3, 4 and 5: adapters stay apart, each technology stays in its adapter, the domain is reached through ports. */
public final class AdapterRules {

    // ---- rule 3: adapters never depend on another adapter, nor on the bootstrap that wires them

    @ArchTest
    public static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching(ADAPTER + ".(*)..").namingSlices("adapter '$1'")
            .should().notDependOnEachOther()
            .because("an adapter depends on the domain it serves and its own technology, never on another adapter (rule 3)");

    @ArchTest
    public static final ArchRule adapters_do_not_depend_on_the_bootstrap = noClasses()
            .that().resideInAPackage(ADAPTER + "..")
            .should().dependOnClassesThat().resideInAnyPackage(BOOTSTRAP + "..", INFRASTRUCTURE + "..")
            .because("the bootstrap wires adapters; an adapter that knew it would wire itself (rule 3)");

    /**
     * A context's part of an adapter ({@code adapter.http.alpha}) must not reach into another context's part
     * ({@code adapter.http.beta}); both may use the adapter's shared subpackages (see {@link Layout}).
     * Every other subpackage counts as a context's, so a new context is covered without editing this rule.
     */
    @ArchTest
    public static final ArchRule adapter_context_packages_do_not_depend_on_each_other = slices()
            .matching(ADAPTER + ".(*).(*)..").namingSlices("'$1.$2'")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(inTree(SHARED_ADAPTER_PACKAGES)))
            .because("contexts never depend on each other, in the adapters either (rules 2 and 3)");

    // ---- rule 4: each technology stays in its adapter

    @ArchTest
    public static final ArchRule javalin_is_used_only_in_the_http_adapter =
            onlyIn(HTTP, "Javalin (and its Jetty)", "io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    public static final ArchRule jte_is_used_only_in_the_http_adapter = onlyIn(HTTP, "JTE", "gg.jte..");

    /** The load balancer's identity token is read at the HTTP edge; nothing behind it sees a JWT. */
    @ArchTest
    public static final ArchRule the_jwt_library_is_used_only_in_the_http_adapter =
            onlyIn(HTTP, "Nimbus JOSE + JWT", "com.nimbusds..");

    @ArchTest
    public static final ArchRule database_technology_is_used_only_in_the_persistence_adapter = onlyIn(PERSISTENCE,
            "jOOQ, its generated code, HikariCP, Flyway, embedded PostgreSQL and the JDBC driver",
            "org.jooq..", GENERATED_JOOQ + "..", "com.zaxxer..", "org.flywaydb..", "io.zonky..", "org.postgresql..");

    @ArchTest
    public static final ArchRule jakarta_mail_is_used_only_in_the_mail_adapter =
            onlyIn(MAIL, "Jakarta Mail (Angus Mail)", "jakarta.mail..", "org.eclipse.angus..");

    @ArchTest
    public static final ArchRule langchain4j_is_used_only_in_the_llm_adapter = onlyIn(LLM, "langchain4j", "dev.langchain4j..");

    @ArchTest
    /** The AWS adapters: Secrets Manager references (secrets) and the S3 file store (files). */
    public static final ArchRule the_aws_sdk_is_used_only_in_the_aws_adapters = noClasses()
            .that().resideOutsideOfPackages(SECRETS + "..", FILES + "..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
            .because("the AWS SDK stays in " + SECRETS + " and " + FILES + " (rule 4)");

    @ArchTest
    public static final ArchRule the_aws_cdk_is_used_only_in_the_infrastructure =
            onlyIn(INFRASTRUCTURE, "the AWS CDK", "software.amazon.awscdk..");

    /** Guice stays at the edge: adapters' own modules and the bootstrap; everything else is plain constructors. */
    @ArchTest
    public static final ArchRule guice_is_used_only_in_guice_modules_and_the_bootstrap = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP + "..")
            .and(not(guiceModules()))
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("com.google.inject is used only in adapters' own Guice modules and the bootstrap (rule 4)");

    /** Rules 4 and 7: a context's repositories touch only the tables of its own schema, never another context's. */
    @ArchTest
    public static final ArchRule persistence_uses_only_its_own_contexts_schema = classes()
            .that().resideInAPackage(PERSISTENCE + "..")
            .and().resideOutsideOfPackage(GENERATED_JOOQ + "..")
            .should(useOnlyTheGeneratedJooqCodeOfTheirOwnSchema())
            .because("each context owns its data: one schema per context, no access across schemas (rules 4 and 7)");

    // ---- rule 5: adapters reach the domain through ports only

    @ArchTest
    public static final ArchRule adapters_reach_the_domain_through_ports_only = noClasses()
            .that().resideInAPackage(ADAPTER + "..")
            .should().dependOnClassesThat().resideInAPackage(Layout.DOMAIN + ".*.application..")
            .because("adapters call use cases (port.in) and implement port.out, never application services (rule 5); "
                    + "the bootstrap may construct services");

    /**
     * Driving adapters (the http adapter) reach the domain only through the use cases: {@code port.in} (use cases,
     * their commands and events), plus the types those use cases take and return, which live in the contexts'
     * {@code model} (entities, value objects, domain exceptions) and in the shared kernel ({@code UserId}, {@code Page},
     * {@code DomainException}, ...). Never {@code port.out} (what the domain needs from the world is the driven
     * adapters' business) nor {@code application}.
     */
    @ArchTest
    public static final ArchRule driving_adapters_reach_the_domain_only_through_port_in = noClasses()
            .that().resideInAPackage(HTTP + "..")
            .should().dependOnClassesThat(resideInAPackage(Layout.DOMAIN + "..")
                    .and(not(resideInAnyPackage(Layout.DOMAIN + ".*.port.in..", Layout.DOMAIN + ".*.model..", Layout.KERNEL + ".."))))
            .because("a driving adapter calls use cases (port.in) with the model and kernel types they take and return (rule 5)");

    /**
     * Rule 7 for SQL written by hand: a string literal of a context's persistence code that names a schema
     * ({@code other_context.things}) names its own context's, as the generated classes it uses must be its own schema's.
     */
    @ArchTest
    public static final ArchRule hand_written_sql_names_only_its_own_contexts_schema =
            handWrittenSqlNamesOnlyItsOwnSchema(Layout.contextSchemas());

    /** The rule above over the given schemas, so its proof can use fixtures' schemas instead of the real ones. */
    static ArchRule handWrittenSqlNamesOnlyItsOwnSchema(List<String> schemas) {
        return classes()
                .that().resideInAPackage(PERSISTENCE + "..")
                .and().resideOutsideOfPackage(GENERATED_JOOQ + "..")
                .should(writeSqlOnlyAboutTheirOwnSchema(schemas))
                .because("each context owns its data: no SQL reaches another context's schema (rule 7)");
    }

    private AdapterRules() {}

    /** A schema-qualified name in SQL text: the schema, optionally quoted, then a dot. */
    private static java.util.regex.Pattern qualifiedBy(String schema) {
        return java.util.regex.Pattern.compile("(?<![\\w.])\"?" + java.util.regex.Pattern.quote(schema) + "\"?\\s*\\.");
    }

    static ArchCondition<JavaClass> writeSqlOnlyAboutTheirOwnSchema(List<String> schemas) {
        return new ArchCondition<>("write SQL naming only their own context's schema") {
            @Override public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> context = firstSegmentBelow(PERSISTENCE, origin.getPackageName());
                for (String literal : StringConstants.of(origin)) {
                    for (String schema : schemas) {
                        if (context.map(c -> sameName(c, schema)).orElse(false)) continue;
                        if (qualifiedBy(schema).matcher(literal).find()) {
                            events.add(SimpleConditionEvent.violated(origin, origin.getName() + " has SQL naming schema '" + schema
                                    + "', which belongs to " + context.map(c -> "another context than '" + c + "'")
                                    .orElse("a context, not to shared persistence code") + ": " + literal.strip()));
                        }
                    }
                }
            }
        };
    }

    private static ArchRule onlyIn(String home, String technology, String... packages) {
        return noClasses()
                .that().resideOutsideOfPackage(home + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .because(technology + " stays in " + home + " (rule 4)");
    }

    private static String[] inTree(List<String> packages) {
        return packages.stream().map(p -> p + "..").toArray(String[]::new);
    }

    /**
     * Guice modules are the classes named {@code *Module} or that are a {@code com.google.inject.Module} (such as a
     * context's persistence entry, which is its module), with what is nested in them (e.g. a TypeLiteral subclass).
     */
    static DescribedPredicate<JavaClass> guiceModules() {
        return DescribedPredicate.describe("Guice modules (a top-level class named *Module or being a Guice Module, or nested in one)",
                javaClass -> outermost(javaClass).getSimpleName().endsWith("Module")
                        || outermost(javaClass).isAssignableTo("com.google.inject.Module"));
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) current = current.getEnclosingClass().get();
        return current;
    }

    /**
     * {@code adapter.persistence.<context>..} may use {@code adapter.persistence.jooq.<schema>..} only when the schema
     * is its context's: jOOQ names the package after the schema ({@code order_desk}), the context package drops
     * the underscore ({@code orderdesk}), so names compare without underscores. Shared persistence code (the
     * adapter's root package) belongs to no context and so uses no schema's tables.
     */
    static ArchCondition<JavaClass> useOnlyTheGeneratedJooqCodeOfTheirOwnSchema() {
        return new ArchCondition<>("use only the generated jOOQ code of their own context's schema") {
            @Override public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> context = firstSegmentBelow(PERSISTENCE, origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> schema = firstSegmentBelow(GENERATED_JOOQ, dependency.getTargetClass().getPackageName());
                    if (schema.isEmpty()) continue;
                    boolean ownSchema = context.map(c -> sameName(c, schema.get())).orElse(false);
                    if (!ownSchema) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + " — schema '" + schema.get() + "' belongs to "
                                + context.map(c -> "another context than '" + c + "'").orElse("a context, not to shared persistence code")));
                    }
                }
            }
        };
    }

    /** {@code firstSegmentBelow("a.b", "a.b.c.d")} is {@code c}. */
    static Optional<String> firstSegmentBelow(String parent, String packageName) {
        if (!packageName.startsWith(parent + ".")) return Optional.empty();
        String rest = packageName.substring(parent.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean sameName(String contextPackage, String schemaPackage) {
        return contextPackage.replace("_", "").toLowerCase(Locale.ROOT)
                .equals(schemaPackage.replace("_", "").toLowerCase(Locale.ROOT));
    }
}
