package dev.concierge.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.http.alpha.AlphaHttpModule;
import dev.concierge.adapter.http.alpha.AlphaPage;
import dev.concierge.adapter.http.alpha.AlphaRoutes;
import dev.concierge.adapter.http.alpha.AlphaRoutesUsingGuice;
import dev.concierge.adapter.http.alpha.HttpUsesApplicationService;
import dev.concierge.adapter.http.alpha.HttpUsesDrivenPort;
import dev.concierge.adapter.http.alpha.HttpUsesUseCase;
import dev.concierge.adapter.http.alpha.HttpUsesAwsSdk;
import dev.concierge.adapter.http.alpha.HttpUsesGeneratedTables;
import dev.concierge.adapter.http.alpha.HttpUsesJooq;
import dev.concierge.adapter.http.alpha.HttpUsesLangchain4j;
import dev.concierge.adapter.http.alpha.HttpUsesPersistence;
import dev.concierge.adapter.http.beta.BetaRoutes;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.adapter.llm.alpha.AlphaHelper;
import dev.concierge.adapter.llm.alpha.AlphaImpl;
import dev.concierge.adapter.llm.alpha.AlphaManager;
import dev.concierge.adapter.llm.alpha.AlphaUtil;
import dev.concierge.adapter.llm.alpha.AlphaUtils;
import dev.concierge.adapter.llm.alpha.LlmUsesBootstrap;
import dev.concierge.adapter.persistence.SharedPersistenceReadingAlpha;
import dev.concierge.adapter.persistence.alpha.AlphaStoreAdapter;
import dev.concierge.adapter.persistence.alpha.JooqAlphaArchive;
import dev.concierge.adapter.persistence.alpha.JooqAlphaStore;
import dev.concierge.adapter.persistence.alpha.JooqAlphaWithoutJooq;
import dev.concierge.adapter.persistence.alpha.JooqAlphaStoreReadingBeta;
import dev.concierge.adapter.persistence.alpha.JooqAlphaStoreWritingItsOwnSql;
import dev.concierge.adapter.persistence.alpha.JooqAlphaStoreWritingBetaSql;
import dev.concierge.adapter.persistence.alpha.PersistenceUsesJavalin;
import dev.concierge.adapter.persistence.alpha.PersistenceUsesJte;
import dev.concierge.adapter.persistence.alpha.PersistenceUsesJakartaMail;
import dev.concierge.adapter.persistence.alpha.PersistenceUsesNimbus;
import dev.concierge.adapter.secrets.alpha.SecretsUsesAwsCdk;
import dev.concierge.adapter.persistence.jooq.alpha.AlphaTable;
import dev.concierge.adapter.persistence.jooq.alpha.tables.records.AlphaRecord;
import dev.concierge.bootstrap.fixture.AlphaWiring;
import dev.concierge.cycle.first.CycleFirst;
import dev.concierge.cycle.second.CycleSecond;
import dev.concierge.domain.alpha.application.AlphaService;
import dev.concierge.domain.alpha.model.AlphaThing;
import dev.concierge.domain.alpha.model.AlphaUsesBeta;
import dev.concierge.domain.alpha.model.AlphaUsesJavalin;
import dev.concierge.domain.alpha.port.in.AlphaEvent;
import dev.concierge.domain.alpha.port.in.AlphaPortInService;
import dev.concierge.domain.alpha.port.in.ReadAlphaStoreUseCase;
import dev.concierge.domain.alpha.port.in.NameAlphaCommand;
import dev.concierge.domain.alpha.port.in.NameAlphaUseCase;
import dev.concierge.domain.alpha.port.out.AlphaStore;
import dev.concierge.domain.beta.model.BetaThing;
import dev.concierge.domain.gamma.model.GammaThing;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.violation.KernelKnowsBeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Rule 8, first half: every rule of {@link DomainRules}, {@link AdapterRules}, {@link DependencyRules} and
 * {@link NamingRules} rejects the deliberately violating fixture classes of these test sources, naming the
 * offending class, and accepts compliant fixtures (so it rejects for the right reason, not for everything).
 */
class RulesCanFailTest {

    // ---- rule 1: the domain is plain java
    @Test void rule1_a_domain_class_using_javalin_is_reported() {
        assertViolation(DomainRules.domain_depends_only_on_the_jdk_slf4j_and_the_domain, AlphaUsesJavalin.class,
                AlphaUsesJavalin.class, "io.javalin");
    }

    @Test void rule1_a_domain_class_using_the_kernel_slf4j_and_the_jdk_passes() {
        assertPasses(DomainRules.domain_depends_only_on_the_jdk_slf4j_and_the_domain,
                AlphaThing.class, NameAlphaUseCase.class, NameAlphaCommand.class, AlphaStore.class, AlphaService.class);
    }

    // ---- rule 2: contexts stay apart
    @Test void rule2_a_context_using_another_contexts_model_is_reported() {
        assertViolation(DomainRules.contexts_do_not_depend_on_each_other, AlphaUsesBeta.class,
                AlphaUsesBeta.class, BetaThing.class);
    }

    @Test void rule2_contexts_sharing_only_the_kernel_pass() {
        assertPasses(DomainRules.contexts_do_not_depend_on_each_other, AlphaThing.class, BetaThing.class, UserId.class);
    }

    @Test void rule2_a_kernel_knowing_a_context_is_reported() {
        assertViolation(DomainRules.the_kernel_knows_no_context, KernelKnowsBeta.class, KernelKnowsBeta.class, BetaThing.class);
    }

    @Test void rule2_the_real_kernel_passes() {
        assertPasses(DomainRules.the_kernel_knows_no_context, UserId.class);
    }

    @Test void rule2_an_adapter_context_reaching_into_another_contexts_adapter_package_is_reported() {
        assertViolation(AdapterRules.adapter_context_packages_do_not_depend_on_each_other, AlphaRoutes.class,
                AlphaRoutes.class, BetaRoutes.class);
    }

    @Test void rule2_adapter_contexts_using_the_shared_adapter_packages_pass() {
        assertPasses(AdapterRules.adapter_context_packages_do_not_depend_on_each_other,
                AlphaPage.class, Messages.class, BetaRoutes.class);
    }

    // ---- rule 3: adapters stay apart
    @Test void rule3_an_adapter_using_another_adapter_is_reported() {
        assertViolation(AdapterRules.adapters_do_not_depend_on_each_other, HttpUsesPersistence.class,
                HttpUsesPersistence.class, JooqAlphaStore.class);
    }

    @Test void rule3_adapters_that_only_share_the_domain_pass() {
        assertPasses(AdapterRules.adapters_do_not_depend_on_each_other, AlphaPage.class, Messages.class,
                JooqAlphaStore.class, AlphaTable.class, AlphaRecord.class);
    }

    @Test void rule3_an_adapter_using_the_bootstrap_is_reported() {
        assertViolation(AdapterRules.adapters_do_not_depend_on_the_bootstrap, LlmUsesBootstrap.class,
                LlmUsesBootstrap.class, AlphaWiring.class);
    }

    @Test void rule3_adapters_not_knowing_the_bootstrap_pass() {
        assertPasses(AdapterRules.adapters_do_not_depend_on_the_bootstrap, JooqAlphaStore.class, AlphaPage.class);
    }

    // ---- rule 4: each technology stays in its adapter
    @Test void rule4_javalin_outside_http_is_reported() {
        assertViolation(AdapterRules.javalin_is_used_only_in_the_http_adapter, PersistenceUsesJavalin.class,
                PersistenceUsesJavalin.class);
    }

    @Test void rule4_javalin_inside_http_passes() {
        assertPasses(AdapterRules.javalin_is_used_only_in_the_http_adapter, HttpServer.class, JooqAlphaStore.class);
    }

    @Test void rule4_jte_outside_http_is_reported() {
        assertViolation(AdapterRules.jte_is_used_only_in_the_http_adapter, PersistenceUsesJte.class, PersistenceUsesJte.class);
    }

    @Test void rule4_jte_inside_http_passes() {
        assertPasses(AdapterRules.jte_is_used_only_in_the_http_adapter, PageRenderer.class, JooqAlphaStore.class);
    }

    @Test void rule4_the_jwt_library_outside_http_is_reported() {
        assertViolation(AdapterRules.the_jwt_library_is_used_only_in_the_http_adapter, PersistenceUsesNimbus.class,
                PersistenceUsesNimbus.class, "com.nimbusds.jwt.SignedJWT");
    }

    @Test void rule4_the_jwt_library_inside_http_passes() {
        assertPasses(AdapterRules.the_jwt_library_is_used_only_in_the_http_adapter,
                dev.concierge.adapter.http.identity.AlbIdentity.class, JooqAlphaStore.class);
    }

    @Test void rule4_jakarta_mail_outside_the_mail_adapter_is_reported() {
        assertViolation(AdapterRules.jakarta_mail_is_used_only_in_the_mail_adapter, PersistenceUsesJakartaMail.class,
                PersistenceUsesJakartaMail.class, "jakarta.mail.Session");
    }

    @Test void rule4_jakarta_mail_inside_the_mail_adapter_passes() {
        assertPasses(AdapterRules.jakarta_mail_is_used_only_in_the_mail_adapter, dev.concierge.adapter.mail.SmtpMailer.class, JooqAlphaStore.class);
    }

    @Test void rule4_jooq_outside_persistence_is_reported() {
        assertViolation(AdapterRules.database_technology_is_used_only_in_the_persistence_adapter, HttpUsesJooq.class,
                HttpUsesJooq.class, "org.jooq.DSLContext");
    }

    @Test void rule4_generated_jooq_code_outside_persistence_is_reported() {
        assertViolation(AdapterRules.database_technology_is_used_only_in_the_persistence_adapter,
                HttpUsesGeneratedTables.class, HttpUsesGeneratedTables.class, AlphaTable.class);
    }

    @Test void rule4_database_technology_inside_persistence_passes() {
        assertPasses(AdapterRules.database_technology_is_used_only_in_the_persistence_adapter,
                JooqAlphaStore.class, AlphaTable.class, AlphaPage.class);
    }

    @Test void rule4_langchain4j_outside_llm_is_reported() {
        assertViolation(AdapterRules.langchain4j_is_used_only_in_the_llm_adapter, HttpUsesLangchain4j.class,
                HttpUsesLangchain4j.class, "dev.langchain4j");
    }

    @Test void rule4_the_aws_sdk_outside_the_aws_adapters_is_reported() {
        assertViolation(AdapterRules.the_aws_sdk_is_used_only_in_the_aws_adapters, HttpUsesAwsSdk.class,
                HttpUsesAwsSdk.class, "software.amazon.awssdk");
    }

    @Test void rule4_the_aws_cdk_outside_infrastructure_is_reported() {
        assertViolation(AdapterRules.the_aws_cdk_is_used_only_in_the_infrastructure, SecretsUsesAwsCdk.class,
                SecretsUsesAwsCdk.class, "software.amazon.awscdk");
    }

    @Test void rule4_code_without_llm_aws_or_cdk_passes_their_rules() {
        for (ArchRule rule : new ArchRule[] {AdapterRules.langchain4j_is_used_only_in_the_llm_adapter,
                AdapterRules.the_aws_sdk_is_used_only_in_the_aws_adapters,
                AdapterRules.the_aws_cdk_is_used_only_in_the_infrastructure}) {
            assertPasses(rule, JooqAlphaStore.class, AlphaPage.class);
        }
    }

    @Test void rule4_guice_outside_a_guice_module_is_reported() {
        assertViolation(AdapterRules.guice_is_used_only_in_guice_modules_and_the_bootstrap, AlphaRoutesUsingGuice.class,
                AlphaRoutesUsingGuice.class, "com.google.inject");
    }

    @Test void rule4_guice_in_a_module_and_in_what_is_nested_in_it_passes() throws ClassNotFoundException {
        Class<?> typeLiteral = Class.forName(AlphaHttpModule.class.getName() + "$1");
        assertPasses(AdapterRules.guice_is_used_only_in_guice_modules_and_the_bootstrap,
                AlphaHttpModule.class, typeLiteral, AlphaPage.class);
    }

    // ---- rule 5: adapters reach the domain through ports
    @Test void rule5_an_adapter_using_an_application_service_is_reported() {
        assertViolation(AdapterRules.adapters_reach_the_domain_through_ports_only, HttpUsesApplicationService.class,
                HttpUsesApplicationService.class, AlphaService.class);
    }

    @Test void rule5_an_adapter_implementing_a_driven_port_passes() {
        assertPasses(AdapterRules.adapters_reach_the_domain_through_ports_only, JooqAlphaStore.class, AlphaPage.class);
    }

    @Test void rule5_a_driving_adapter_using_a_driven_port_is_reported() {
        assertViolation(AdapterRules.driving_adapters_reach_the_domain_only_through_port_in, HttpUsesDrivenPort.class,
                HttpUsesDrivenPort.class, AlphaStore.class);
    }

    @Test void rule5_a_driving_adapter_using_an_application_service_is_reported_by_the_port_in_rule_too() {
        assertViolation(AdapterRules.driving_adapters_reach_the_domain_only_through_port_in, HttpUsesApplicationService.class,
                HttpUsesApplicationService.class, AlphaService.class);
    }

    @Test void rule5_a_driving_adapter_using_use_cases_their_commands_events_model_and_kernel_passes() {
        assertPasses(AdapterRules.driving_adapters_reach_the_domain_only_through_port_in, HttpUsesUseCase.class,
                NameAlphaUseCase.class, NameAlphaCommand.class, AlphaEvent.class, AlphaEvent.Named.class, AlphaThing.class, UserId.class);
    }

    @Test void port_in_using_port_out_is_reported() {
        assertViolation(DomainRules.port_in_does_not_depend_on_port_out, ReadAlphaStoreUseCase.class,
                ReadAlphaStoreUseCase.class, AlphaStore.class);
    }

    @Test void port_in_using_its_model_and_its_own_commands_passes() {
        assertPasses(DomainRules.port_in_does_not_depend_on_port_out, NameAlphaUseCase.class, NameAlphaCommand.class,
                AlphaEvent.class, AlphaThing.class, AlphaStore.class);
    }

    // ---- rule 6: no package cycles
    @Test void rule6_two_packages_using_each_other_are_reported() {
        assertViolation(DependencyRules.there_are_no_package_cycles, CycleFirst.class, CycleFirst.class, CycleSecond.class);
    }

    @Test void rule6_the_cycles_inside_one_generated_schema_pass() {
        assertPasses(DependencyRules.there_are_no_package_cycles, AlphaTable.class, AlphaRecord.class, JooqAlphaStore.class,
                AlphaStore.class, AlphaThing.class);
    }

    // ---- rule 7: each context owns its tables
    @Test void rule7_a_context_repository_reading_another_schema_is_reported() {
        assertViolation(AdapterRules.persistence_uses_only_its_own_contexts_schema, JooqAlphaStoreReadingBeta.class,
                JooqAlphaStoreReadingBeta.class, "beta");
    }

    @Test void rule7_shared_persistence_code_reading_a_context_schema_is_reported() {
        assertViolation(AdapterRules.persistence_uses_only_its_own_contexts_schema, SharedPersistenceReadingAlpha.class,
                SharedPersistenceReadingAlpha.class, "alpha");
    }

    /** The hand-written SQL rule over the fixtures' schemas, alpha and beta. */
    private static final ArchRule FIXTURE_SQL_RULE =
            AdapterRules.handWrittenSqlNamesOnlyItsOwnSchema(java.util.List.of("alpha", "beta"));

    @Test void rule7_the_checked_hand_written_sql_rule_is_the_proven_one_over_every_context_schema() {
        // Fixtures may not name a real context (ContextNamesTest), so the proofs run the same rule over alpha and beta.
        assertThat(AdapterRules.hand_written_sql_names_only_its_own_contexts_schema.getDescription())
                .isEqualTo(FIXTURE_SQL_RULE.getDescription());
        assertThat(Layout.contextSchemas()).isNotEmpty();
    }

    @Test void rule7_hand_written_sql_naming_another_contexts_schema_is_reported() {
        assertViolation(FIXTURE_SQL_RULE, JooqAlphaStoreWritingBetaSql.class, JooqAlphaStoreWritingBetaSql.class, "beta.trips");
    }

    @Test void rule7_hand_written_sql_naming_its_own_schema_passes() {
        assertPasses(FIXTURE_SQL_RULE, JooqAlphaStoreWritingItsOwnSql.class);
    }

    @Test void rule7_a_context_repository_reading_its_own_schema_passes() {
        assertPasses(AdapterRules.persistence_uses_only_its_own_contexts_schema, JooqAlphaStore.class, AlphaTable.class);
    }

    // ---- naming: names say what a thing is for
    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {AlphaImpl.class, AlphaHelper.class, AlphaManager.class, AlphaUtil.class, AlphaUtils.class})
    void naming_a_meaningless_suffix_is_reported(Class<?> fixture) {
        assertViolation(NamingRules.no_class_is_named_impl_helper_manager_or_util, fixture, fixture);
    }

    @Test void naming_of_technology_and_capability_pass() {
        assertPasses(NamingRules.no_class_is_named_impl_helper_manager_or_util, JooqAlphaStore.class, AlphaPage.class);
    }

    @Test void naming_a_context_without_a_use_case_is_reported() {
        Throwable failure = catchThrowable(() -> NamingRules.every_context_offers_use_cases.check(classes(GammaThing.class)));
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("dev.concierge.domain.gamma");
    }

    @Test void naming_a_context_with_a_use_case_passes() {
        assertPasses(NamingRules.every_context_offers_use_cases, NameAlphaUseCase.class, AlphaThing.class);
    }

    @Test void naming_a_port_in_class_that_is_neither_use_case_nor_record_is_reported() {
        assertViolation(NamingRules.port_in_holds_use_case_interfaces_and_records_only, AlphaPortInService.class,
                AlphaPortInService.class);
    }

    @Test void naming_use_cases_commands_and_events_in_port_in_pass() {
        assertPasses(NamingRules.port_in_holds_use_case_interfaces_and_records_only, NameAlphaUseCase.class, NameAlphaCommand.class,
                AlphaEvent.class, AlphaEvent.Named.class);
    }

    @Test void naming_a_persistence_port_implementation_not_named_after_jooq_is_reported() {
        assertViolation(NamingRules.persistence_port_implementations_are_named_jooq, AlphaStoreAdapter.class,
                AlphaStoreAdapter.class);
    }

    @Test void naming_a_persistence_port_implementation_named_after_jooq_passes() {
        assertPasses(NamingRules.persistence_port_implementations_are_named_jooq, JooqAlphaStore.class);
    }

    @Test void naming_a_class_after_jooq_that_uses_no_jooq_is_reported() {
        assertViolation(NamingRules.classes_named_jooq_use_jooq, JooqAlphaWithoutJooq.class, JooqAlphaWithoutJooq.class);
    }

    @Test void naming_a_class_after_jooq_that_uses_its_generated_code_passes() {
        assertPasses(NamingRules.classes_named_jooq_use_jooq, JooqAlphaStore.class, AlphaTable.class);
    }

    @Test void a_repository_calling_a_static_method_of_a_sibling_repository_is_reported() {
        assertViolation(NamingRules.repositories_do_not_call_static_methods_of_sibling_repositories, JooqAlphaArchive.class,
                JooqAlphaArchive.class, JooqAlphaStore.class, "rowName");
    }

    @Test void a_repository_calling_only_its_own_static_methods_passes() {
        assertPasses(NamingRules.repositories_do_not_call_static_methods_of_sibling_repositories, JooqAlphaStore.class, AlphaTable.class);
    }

    // ---- rule 8: a rule added later without its proof fails here

    @Test void every_rule_has_a_proof_in_this_class() {
        var proofs = new ClassFileImporter().importClasses(RulesCanFailTest.class).get(RulesCanFailTest.class);
        java.util.Set<String> used = proofs.getFieldAccessesFromSelf().stream()
                .map(access -> access.getTarget().getOwner().getSimpleName() + "." + access.getTarget().getName())
                .collect(java.util.stream.Collectors.toSet());
        java.util.List<String> unproven = new java.util.ArrayList<>();
        for (Class<?> rules : new Class<?>[] {DomainRules.class, AdapterRules.class, DependencyRules.class, NamingRules.class}) {
            for (java.lang.reflect.Field field : rules.getDeclaredFields()) {
                if (field.isAnnotationPresent(com.tngtech.archunit.junit.ArchTest.class)
                        && !used.contains(rules.getSimpleName() + "." + field.getName())) {
                    unproven.add(rules.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(unproven).as("rules without a test here showing they reject a violating fixture").isEmpty();
    }

    /** The rule over {@code imported} fails, and its report names {@code offender} and what it reached for. */
    private static void assertViolation(ArchRule rule, Class<?> offender, Object... imported) {
        Class<?>[] classes = java.util.Arrays.stream(imported).filter(Class.class::isInstance).map(Class.class::cast)
                .toArray(Class<?>[]::new);
        Throwable failure = catchThrowable(() -> rule.check(classes(classes)));
        assertThat(failure).as("%s over %s", rule.getDescription(), offender.getSimpleName())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getName());
        for (Object target : imported) {
            String name = target instanceof Class<?> c ? c.getName() : target.toString();
            assertThat(failure.getMessage()).as("report of %s names %s", offender.getSimpleName(), name).contains(name);
        }
    }

    private static void assertPasses(ArchRule rule, Class<?>... compliant) {
        assertThatCode(() -> rule.check(classes(compliant))).as(rule.getDescription()).doesNotThrowAnyException();
    }

    private static JavaClasses classes(Class<?>... classes) { return new ClassFileImporter().importClasses(classes); }
}
