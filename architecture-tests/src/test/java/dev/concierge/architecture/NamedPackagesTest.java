package dev.concierge.architecture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule 8, second half: a rule over an empty or misspelled package checks nothing, so every package it names holds classes. */
class NamedPackagesTest {

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.concierge.architecture.Layout#NAMED_PACKAGES")
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

}
