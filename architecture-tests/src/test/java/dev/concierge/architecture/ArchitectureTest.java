package dev.concierge.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Every rule, over the production classes of every runtime module and of the infrastructure (CDK) module (the
 * architecture-tests' own classes, fixtures included, are test classes and so never imported here).
 */
@AnalyzeClasses(packages = Layout.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest static final ArchTests domain = ArchTests.in(DomainRules.class);
    @ArchTest static final ArchTests adapters = ArchTests.in(AdapterRules.class);
    @ArchTest static final ArchTests dependencies = ArchTests.in(DependencyRules.class);
    @ArchTest static final ArchTests naming = ArchTests.in(NamingRules.class);
}
