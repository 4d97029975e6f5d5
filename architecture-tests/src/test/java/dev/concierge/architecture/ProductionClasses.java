package dev.concierge.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The same classes {@link ArchitectureTest} checks, for plain JUnit tests; imported once per test run. */
final class ProductionClasses {
    private static JavaClasses classes;

    private ProductionClasses() {}

    static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(Layout.BASE);
        }
        return classes;
    }
}
