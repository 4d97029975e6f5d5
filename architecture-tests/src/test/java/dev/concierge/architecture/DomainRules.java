package dev.concierge.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.concierge.architecture.Layout.DOMAIN;
import static dev.concierge.architecture.Layout.KERNEL;

/** ARCHITECTURE.md rules 1 and 2: the domain is plain Java, and its contexts stay apart. */
public final class DomainRules {

    /**
     * Rule 1, as an allow-list: a deny-list of frameworks (Guice, jakarta.inject, Jackson, jOOQ, Javalin, AWS,
     * Flyway, Hikari, zonky, JTE, logback, ...) would miss the next one somebody adds.
     */
    @ArchTest
    public static final ArchRule domain_depends_only_on_the_jdk_slf4j_and_the_domain = classes()
            .that().resideInAPackage(DOMAIN + "..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", DOMAIN + "..")
            .because("a domain module depends on the JDK only; SLF4J is the one allowed exception (rule 1)");

    /** Rule 2. Every context, today's and tomorrow's, is a slice; the shared kernel is everybody's. */
    @ArchTest
    public static final ArchRule contexts_do_not_depend_on_each_other = slices()
            .matching(DOMAIN + ".(*)..").namingSlices("context '$1'")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(KERNEL + ".."))
            .because("domain contexts never depend on each other; they share only the kernel (rule 2)");

    /** The kernel is shared by every context, so knowing one of them would couple them all. */
    @ArchTest
    public static final ArchRule the_kernel_knows_no_context = noClasses()
            .that().resideInAPackage(KERNEL + "..")
            .should().dependOnClassesThat(resideInAPackage(DOMAIN + "..").and(not(resideInAPackage(KERNEL + ".."))))
            .because("the shared kernel is below every context (rule 2)");

    /**
     * What a use case takes and returns is the domain's model and port.in's own commands and events; a driven port in
     * that contract would hand the caller what only the application may use (Packages and names).
     */
    @ArchTest
    public static final ArchRule port_in_does_not_depend_on_port_out = noClasses()
            .that().resideInAPackage(DOMAIN + ".*.port.in..")
            .should().dependOnClassesThat().resideInAPackage(DOMAIN + ".*.port.out..")
            .because("a use case's contract (port.in) is the caller's; what the domain needs from the world (port.out) is not");

    private DomainRules() {}
}
