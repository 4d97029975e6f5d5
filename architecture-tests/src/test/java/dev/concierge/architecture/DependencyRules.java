package dev.concierge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Optional;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.concierge.architecture.Layout.BASE;
import static dev.concierge.architecture.Layout.GENERATED_JOOQ;

/** ARCHITECTURE.md rule 6: no package cycles anywhere. */
public final class DependencyRules {

    /**
     * Every package is a slice, so a cycle between any two packages of {@code dev.concierge} fails. The one
     * exception: jOOQ's generated code for a schema has cycles of its own (tables, records, keys and the schema
     * refer to each other), which nobody edits, so each generated schema counts as a single slice. A cycle between
     * generated code and hand-written code still fails.
     */
    @ArchTest
    public static final ArchRule there_are_no_package_cycles = slices()
            .assignedFrom(packagesWithEachGeneratedSchemaAsOne())
            .should().beFreeOfCycles()
            .because("no package cycles anywhere (rule 6)");

    private DependencyRules() {}

    static SliceAssignment packagesWithEachGeneratedSchemaAsOne() {
        return new SliceAssignment() {
            @Override public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String packageName = javaClass.getPackageName();
                if (!packageName.equals(BASE) && !packageName.startsWith(BASE + ".")) return SliceIdentifier.ignore();
                Optional<String> schema = AdapterRules.firstSegmentBelow(GENERATED_JOOQ, packageName);
                return SliceIdentifier.of(schema.map(s -> GENERATED_JOOQ + "." + s + " (generated)").orElse(packageName));
            }

            @Override public String getDescription() {
                return "packages of " + BASE + " (each generated jOOQ schema as one)";
            }
        };
    }
}
