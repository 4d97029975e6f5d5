package dev.concierge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ClassesTransformer;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.concierge.architecture.Layout.BASE;
import static dev.concierge.architecture.Layout.DOMAIN;
import static dev.concierge.architecture.Layout.GENERATED_JOOQ;
import static dev.concierge.architecture.Layout.KERNEL;
import static dev.concierge.architecture.Layout.PERSISTENCE;

/** ARCHITECTURE.md "Packages and names": names say what a thing is for. */
public final class NamingRules {

    /** "No Impl, Helper, Manager, Util suffixes": they say nothing about what a class is for. */
    @ArchTest
    public static final ArchRule no_class_is_named_impl_helper_manager_or_util = noClasses()
            .that().resideInAPackage(BASE + "..")
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("implementations are named by technology and capability (JooqTripRepository), not Impl/Helper/Manager/Util");

    /** A context is driven through its use cases; one without any is reached some other way. */
    @ArchTest
    public static final ArchRule every_context_offers_use_cases = all(domainContexts())
            .should(offerAUseCaseInterfaceInPortIn())
            .because("adapters reach a context through port.in use cases (rule 5)");

    /** port.in holds the use cases and their inputs, nothing else: services live in application, rules in model. */
    @ArchTest
    public static final ArchRule port_in_holds_use_case_interfaces_and_records_only = classes()
            .that().resideInAPackage(DOMAIN + ".*.port.in..")
            .should(beAUseCaseInterfaceOrARecord())
            .because("port.in holds <Verb><Noun>UseCase interfaces and their input records (Packages and names)");

    /** Implementations are named by technology + capability, e.g. JooqFavouriteRepository. */
    @ArchTest
    public static final ArchRule persistence_port_implementations_are_named_jooq = classes()
            .that().resideInAPackage(PERSISTENCE + "..")
            .and().resideOutsideOfPackage(GENERATED_JOOQ + "..")
            .and().areNotAnonymousClasses()
            .and().implement(resideInAPackage(DOMAIN + ".*.port.out.."))
            .should().haveSimpleNameStartingWith("Jooq")
            .because("a driven adapter names its technology and its capability (JooqTripRepository)");

    /** "Classes named Jooq… use jOOQ": its API or the code it generated for a schema. */
    @ArchTest
    public static final ArchRule classes_named_jooq_use_jooq = classes()
            .that().resideInAPackage(PERSISTENCE + "..")
            .and().resideOutsideOfPackage(GENERATED_JOOQ + "..")
            .and().haveSimpleNameStartingWith("Jooq")
            .and().areTopLevelClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", GENERATED_JOOQ + "..")
            .because("a class named after a technology uses it (hand-written SQL lives in a class named for it, persistence.sql)");

    /** A piece two repositories need (a conversion, a mapping) has an owner of its own, not one of them. */
    @ArchTest
    public static final ArchRule repositories_do_not_call_static_methods_of_sibling_repositories = classes()
            .that().resideInAPackage(PERSISTENCE + "..")
            .and().resideOutsideOfPackage(GENERATED_JOOQ + "..")
            .should(callNoStaticMethodOfAnotherRepository())
            .because("no repository calls static helpers of a sibling repository (issue 20): shared pieces live in a class that owns them");

    private NamingRules() {}

    static ArchCondition<JavaClass> callNoStaticMethodOfAnotherRepository() {
        return new ArchCondition<>("call no static method of another repository") {
            @Override public void check(JavaClass caller, ConditionEvents events) {
                java.util.stream.Stream.concat(caller.getMethodCallsFromSelf().stream(), caller.getMethodReferencesFromSelf().stream())
                        .filter(access -> {
                            JavaClass owner = access.getTargetOwner();
                            return !owner.getName().equals(caller.getName()) && isRepository(owner)
                                    && !caller.getName().startsWith(owner.getName() + "$")
                                    && access.getTarget().resolveMember()
                                            .map(method -> method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                                            .orElse(false);
                        })
                        .forEach(access -> events.add(SimpleConditionEvent.violated(caller, access.getDescription())));
            }
        };
    }

    private static boolean isRepository(JavaClass owner) {
        return owner.getPackageName().startsWith(PERSISTENCE) && owner.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().startsWith(DOMAIN + ".") && i.getPackageName().contains(".port.out"));
    }

    /** Every {@code dev.concierge.domain.<context>} package except the kernel, found in the classes under test. */
    static ClassesTransformer<JavaPackage> domainContexts() {
        return new AbstractClassesTransformer<>("domain contexts") {
            @Override public Iterable<JavaPackage> doTransform(JavaClasses classes) {
                if (!classes.containPackage(DOMAIN)) return List.of();
                return classes.getPackage(DOMAIN).getSubpackages().stream()
                        .filter(context -> !context.getName().equals(KERNEL))
                        .toList();
            }
        };
    }

    static ArchCondition<JavaPackage> offerAUseCaseInterfaceInPortIn() {
        return new ArchCondition<>("offer at least one *UseCase interface in port.in") {
            @Override public void check(JavaPackage context, ConditionEvents events) {
                String portIn = context.getName() + ".port.in";
                boolean offersOne = context.getClassesInPackageTree().stream()
                        .anyMatch(c -> c.getPackageName().equals(portIn) && isUseCase(c));
                if (!offersOne) {
                    events.add(SimpleConditionEvent.violated(context,
                            "context " + context.getName() + " has no interface named *UseCase in " + portIn));
                }
            }
        };
    }

    static ArchCondition<JavaClass> beAUseCaseInterfaceOrARecord() {
        return new ArchCondition<>("be an interface named *UseCase, a record (a command or query) or a sealed interface of records (events)") {
            @Override public void check(JavaClass javaClass, ConditionEvents events) {
                if (!isUseCase(javaClass) && !javaClass.isRecord() && !isSealedInterfaceOfRecords(javaClass)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is neither an interface named *UseCase, a record nor a sealed interface of records"));
                }
            }
        };
    }

    /** The events a use case sends its caller ({@code TurnEvent}): a sealed interface whose every kind is a record. */
    private static boolean isSealedInterfaceOfRecords(JavaClass javaClass) {
        Class<?> type = javaClass.reflect();
        return type.isInterface() && type.isSealed() && java.util.Arrays.stream(type.getPermittedSubclasses()).allMatch(Class::isRecord);
    }

    private static boolean isUseCase(JavaClass javaClass) {
        return javaClass.isInterface() && javaClass.getSimpleName().endsWith("UseCase");
    }
}
