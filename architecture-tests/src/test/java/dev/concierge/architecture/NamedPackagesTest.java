package dev.concierge.architecture;

import dev.concierge.bootstrap.ContextModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.concierge.architecture.Layout.ADAPTER;
import static dev.concierge.architecture.Layout.BOOTSTRAP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 8, second half: a rule over an empty or misspelled package checks nothing, so every package it names holds
 * classes. The contexts are found in the code ({@link Layout#contexts()}); these tests also hold the pieces that find
 * them together: a context's adapter and bootstrap packages carry its domain package's name, and its bootstrap entry
 * is declared, so a misspelled or forgotten part is reported rather than silently left out of the rules.
 */
class NamedPackagesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concierge.architecture.Layout#namedPackages")
    void every_package_a_rule_names_holds_production_classes(String packageName) {
        assertThat(ProductionClasses.get().stream().filter(c -> c.getPackageName().equals(packageName)
                        || c.getPackageName().startsWith(packageName + ".")))
                .as("production classes in %s", packageName)
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.concierge.architecture.Layout#TECHNOLOGIES_IN_USE")
    void every_technology_a_rule_confines_is_used_by_production_code(String technologyPackage) {
        assertThat(ProductionClasses.get().stream().flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                        .map(d -> d.getTargetClass().getPackageName())
                        .filter(p -> p.equals(technologyPackage) || p.startsWith(technologyPackage + ".")))
                .as("dependencies of production classes on %s", technologyPackage)
                .isNotEmpty();
    }

    @Test void contexts_are_found_in_the_code() {
        assertThat(Layout.contexts()).as("packages dev.concierge.domain.<context> other than the kernel").isNotEmpty();
    }

    @Test void every_context_package_of_an_adapter_or_the_bootstrap_is_named_after_a_domain_context() {
        Set<String> packages = new TreeSet<>();
        ProductionClasses.get().forEach(c -> packages.add(c.getPackageName()));
        assertThat(strayContextPackages(packages, Layout.contexts())).isEmpty();
    }

    @Test void every_context_is_wired_by_a_declared_bootstrap_entry_in_its_own_package() {
        SortedSet<String> wired = new TreeSet<>();
        ContextModule.all().forEach(entry -> wired.add(entry.getClass().getPackageName()));
        assertThat(wired).as("packages of the ContextModule entries in META-INF/services")
                .containsExactlyElementsOf(Layout.contexts().stream().map(c -> BOOTSTRAP + "." + c).toList());
    }

    @Test void a_context_package_with_no_domain_context_of_that_name_is_reported() {
        assertThat(strayContextPackages(List.of(ADAPTER + ".http.alpha", ADAPTER + ".http.web", ADAPTER + ".llm.alhpa.x",
                BOOTSTRAP + ".beta", BOOTSTRAP), Set.of("alpha")))
                .containsExactly(ADAPTER + ".llm.alhpa.x", BOOTSTRAP + ".beta");
    }

    /**
     * Packages {@code adapter.<tech>.<part>} and {@code bootstrap.<part>} whose part is neither shared (see
     * {@link Layout#SHARED_ADAPTER_PACKAGES}) nor a context found in the domain: misspelled or orphaned parts.
     */
    static List<String> strayContextPackages(Collection<String> packages, Set<String> contexts) {
        return packages.stream().filter(p -> {
            if (Layout.SHARED_ADAPTER_PACKAGES.stream().anyMatch(shared -> p.equals(shared) || p.startsWith(shared + "."))) return false;
            var tech = AdapterRules.firstSegmentBelow(ADAPTER, p);
            var part = tech.isPresent() ? AdapterRules.firstSegmentBelow(ADAPTER + "." + tech.get(), p)
                    : AdapterRules.firstSegmentBelow(BOOTSTRAP, p);
            return part.isPresent() && !contexts.contains(part.get());
        }).sorted().toList();
    }
}
