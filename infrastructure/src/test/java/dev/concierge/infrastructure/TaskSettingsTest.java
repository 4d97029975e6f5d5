package dev.concierge.infrastructure;

import dev.concierge.bootstrap.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.concierge.infrastructure.ComputeStackTest.container;
import static dev.concierge.infrastructure.ComputeStackTest.environment;
import static dev.concierge.infrastructure.ComputeStackTest.secrets;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static org.assertj.core.api.Assertions.assertThat;

/** The app container is configured only through settings the app reads: a misspelt name would be silently ignored. */
class TaskSettingsTest {
    @Test void every_variable_the_task_sets_for_the_app_is_a_setting_the_app_reads() {
        Set<String> known = Settings.ALL.stream().map(Settings.Setting::name).collect(Collectors.toSet());

        for (InfraApp.ConciergeStacks stacks : java.util.List.of(SynthesisedEnvironments.dev(), SynthesisedEnvironments.prod())) {
            Set<String> names = new TreeSet<>();
            for (Map<String, Object> task : propertiesOfAll(SynthesisedEnvironments.template(stacks.compute()), "AWS::ECS::TaskDefinition")) {
                Map<String, Object> app = container(task, ComputeStack.APP_CONTAINER);
                names.addAll(environment(app).keySet());
                names.addAll(secrets(app).keySet());
            }

            assertThat(names).as("variables of the app container in %s", stacks.profile().name())
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(known).as("Settings.ALL")
                            .contains(name));
        }
    }
}
