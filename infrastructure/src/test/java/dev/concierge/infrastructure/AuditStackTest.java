package dev.concierge.infrastructure;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** Seeds 001 and 003: CloudTrail in every region, GuardDuty, AWS Config; each one switchable for central installs. */
class AuditStackTest {

    @Test void prod_records_every_regions_api_calls_with_validated_encrypted_log_files_and_runs_guardduty_and_config() {
        Template audit = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().audit().orElseThrow());
        Map<String, Object> trail = propertiesOfOnly(audit, "AWS::CloudTrail::Trail");
        assertThat(trail).containsEntry("IsMultiRegionTrail", true).containsEntry("EnableLogFileValidation", true)
                .containsEntry("IncludeGlobalServiceEvents", true).containsEntry("IsLogging", true);
        assertThat(json(trail.get("KMSKeyId"))).contains("TrailKey");
        assertThat(propertiesOfOnly(audit, "AWS::GuardDuty::Detector")).containsEntry("Enable", true);
        assertThat(json(propertiesOfOnly(audit, "AWS::Config::ConfigurationRecorder").get("RecordingGroup")))
                .contains("\"AllSupported\":true");
        audit.resourceCountIs("AWS::Config::DeliveryChannel", 1);
        assertThat(propertiesOfAll(audit, "AWS::Config::ConfigRule")).map(rule -> json(rule.get("Source")))
                .hasSize(AuditStack.CONFIG_RULES.size())
                .anySatisfy(source -> assertThat(source).contains("S3_BUCKET_PUBLIC_READ_PROHIBITED"))
                .anySatisfy(source -> assertThat(source).contains("RDS_STORAGE_ENCRYPTED"));
        assertThat(propertiesOfAll(audit, "AWS::S3::Bucket")).allSatisfy(bucket ->
                assertThat(json(bucket.get("PublicAccessBlockConfiguration"))).contains("\"BlockPublicPolicy\":true"));
    }

    @Test void dev_leaves_them_to_the_account_unless_asked_and_each_switches_on_its_own() {
        assertThat(SynthesisedEnvironments.dev().audit()).isEmpty();
        var stacks = SynthesisedEnvironments.devWith(Map.of("guardDuty", "true"));
        Template audit = Template.fromStack(stacks.audit().orElseThrow());
        audit.resourceCountIs("AWS::GuardDuty::Detector", 1);
        audit.resourceCountIs("AWS::CloudTrail::Trail", 0);
        audit.resourceCountIs("AWS::Config::ConfigurationRecorder", 0);
        assertThat(List.of("true", "false")).contains("true");
    }
}
