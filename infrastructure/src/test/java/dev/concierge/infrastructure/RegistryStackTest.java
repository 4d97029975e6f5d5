package dev.concierge.infrastructure;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.map;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

class RegistryStackTest {
    @Test void images_are_scanned_on_push_and_only_the_last_ten_are_kept() {
        Template dev = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().registry());
        Map<String, Object> repository = propertiesOfOnly(dev, "AWS::ECR::Repository");
        assertThat(repository).containsEntry("RepositoryName", "concierge-dev")
                .containsEntry("ImageScanningConfiguration", Map.of("ScanOnPush", true));
        String lifecycle = (String) map(repository.get("LifecyclePolicy")).get("LifecyclePolicyText");
        assertThat(lifecycle).contains("\"countType\":\"imageCountMoreThan\"").contains("\"countNumber\":10")
                .contains("\"type\":\"expire\"");
    }
}
