package dev.concierge.infrastructure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cdk-nag's AWS Solutions checks run on every stack of both environments (InfraApp adds them); a finding is either
 * fixed or suppressed in code with its reason, so none may remain as an error.
 */
class CdkNagTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("deprecation") // Annotations.findError still answers with cxapi's deprecated SynthesisMessage
    void no_stack_has_an_unsuppressed_aws_solutions_finding(String environment) {
        InfraApp.ConciergeStacks stacks = environment.equals("dev") ? SynthesisedEnvironments.dev() : SynthesisedEnvironments.prod();
        // prod runs its own audit services by default and names a GitHub repository (the Delivery stack)
        assertThat(stacks.all()).hasSize(environment.equals("prod") ? 9 : 7);
        for (Stack stack : stacks.all()) {
            SynthesisedEnvironments.template(stack); // synthesises, which runs the checks
            List<SynthesisMessage> errors = Annotations.fromStack(stack).findError("*", Match.anyValue());
            assertThat(errors).as("errors in %s", stack.getStackName())
                    .map(error -> error.getId() + ": " + String.valueOf(error.getEntry().getData()).lines().findFirst().orElse(""))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void the_checks_really_ran(String environment) {
        InfraApp.ConciergeStacks stacks = environment.equals("dev") ? SynthesisedEnvironments.dev() : SynthesisedEnvironments.prod();
        // Suppressions are recorded on the resources they excuse, with their reasons: proof the checks saw them.
        String compute = TemplateResources.json(SynthesisedEnvironments.template(stacks.compute()).toJSON());
        assertThat(compute).contains("cdk_nag").contains("AwsSolutions-ECS2").contains("reason");
    }
}
