package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.list;
import static dev.concierge.infrastructure.TemplateResources.map;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 001's and 003's cost controls: dev scaled to zero outside working hours (services and GPU capacity), a NAT
 * instance instead of a NAT gateway for dev (seed 001, fck-nat), no NAT at all with VPC endpoints only (seed 003),
 * and Aurora Serverless v2 (seed 004's 0.5–2 ACU). Each option is synthesised once and checked by cdk-nag as well.
 */
class CostControlsTest {
    private static InfraApp.ConciergeStacks natInstance;
    private static InfraApp.ConciergeStacks endpointsOnly;

    @BeforeAll static void synthesise() {
        // One app for the NAT instance, Serverless v2 and another schedule; one for the endpoints-only network.
        natInstance = SynthesisedEnvironments.devWith(Map.of(
                "egress", "nat-instance",
                "natInstanceAmi", "ami-0123456789abcdef0",
                "databaseCapacity", "serverless",
                "workdays", "MON-THU",
                "workdayStart", "09:30",
                "workdayEnd", "18:00",
                "scheduleTimeZone", "Europe/Berlin"));
        endpointsOnly = SynthesisedEnvironments.devWith(Map.of("egress", "endpoints", "offHours", "false"));
    }

    @Test void dev_scales_the_web_and_generation_services_to_zero_at_20_00_on_workdays_and_back_at_08_00_tokyo_time() {
        Template compute = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().compute());
        List<Map<String, Object>> targets = propertiesOfAll(compute, "AWS::ApplicationAutoScaling::ScalableTarget");
        assertThat(targets).hasSize(2).allSatisfy(target -> {
            List<Object> actions = list(target.get("ScheduledActions"));
            assertThat(actions).hasSize(2);
            Map<String, Object> start = action(actions, "cron(0 8 ? * MON-FRI *)");
            Map<String, Object> end = action(actions, "cron(0 20 ? * MON-FRI *)");
            assertThat(start).containsEntry("Timezone", "Asia/Tokyo");
            assertThat(end).containsEntry("Timezone", "Asia/Tokyo");
            assertThat(map(end.get("ScalableTargetAction"))).containsEntry("MinCapacity", 0).containsEntry("MaxCapacity", 0);
            // back to the target's own range in the morning
            assertThat(map(start.get("ScalableTargetAction"))).containsEntry("MinCapacity", target.get("MinCapacity"))
                    .containsEntry("MaxCapacity", target.get("MaxCapacity"));
        });
    }

    @Test void dev_allows_no_gpu_instance_outside_working_hours() {
        Template compute = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().compute());
        List<Map<String, Object>> actions = propertiesOfAll(compute, "AWS::AutoScaling::ScheduledAction");
        assertThat(actions).hasSize(2).allSatisfy(action -> assertThat(action).containsEntry("TimeZone", "Asia/Tokyo"));
        assertThat(actions).anySatisfy(action -> assertThat(action).containsEntry("Recurrence", "0 20 * * 1-5")
                .containsEntry("MaxSize", 0).containsEntry("MinSize", 0).containsEntry("DesiredCapacity", 0));
        assertThat(actions).anySatisfy(action -> assertThat(action).containsEntry("Recurrence", "0 8 * * 1-5")
                .containsEntry("MinSize", 0).containsEntry("MaxSize", DeploymentProfile.dev().maxGenerationTasks() + 1));
    }

    @Test void the_site_down_alarm_is_quiet_while_dev_is_scaled_to_zero_and_speaks_again_15_minutes_into_the_day() {
        Template observability = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().observability());
        List<Map<String, Object>> schedules = propertiesOfAll(observability, "AWS::Scheduler::Schedule");
        assertThat(schedules).hasSize(2).allSatisfy(schedule -> {
            assertThat(schedule).containsEntry("ScheduleExpressionTimezone", "Asia/Tokyo");
            assertThat(json(map(schedule.get("Target")).get("Input"))).contains("AlarmNames").contains("NoHealthyTasks");
        });
        assertThat(schedules).anySatisfy(schedule -> assertThat(schedule).containsEntry("ScheduleExpression", "cron(0 20 ? * MON-FRI *)")
                .satisfies(s -> assertThat(json(s.get("Target"))).contains("aws-sdk:cloudwatch:disableAlarmActions")));
        assertThat(schedules).anySatisfy(schedule -> assertThat(schedule).containsEntry("ScheduleExpression", "cron(15 8 ? * MON-FRI *)")
                .satisfies(s -> assertThat(json(s.get("Target"))).contains("aws-sdk:cloudwatch:enableAlarmActions")));
        SynthesisedEnvironments.template(SynthesisedEnvironments.prod().observability()).resourceCountIs("AWS::Scheduler::Schedule", 0);
    }

    @Test void prod_runs_around_the_clock() {
        Template compute = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().compute());
        compute.resourceCountIs("AWS::AutoScaling::ScheduledAction", 0);
        assertThat(propertiesOfAll(compute, "AWS::ApplicationAutoScaling::ScalableTarget"))
                .allSatisfy(target -> assertThat(target).doesNotContainKey("ScheduledActions"));
    }

    @Test void working_hours_days_and_zone_come_from_the_context() {
        Template compute = SynthesisedEnvironments.template(natInstance.compute());
        assertThat(propertiesOfAll(compute, "AWS::ApplicationAutoScaling::ScalableTarget")).allSatisfy(target -> {
            List<Object> actions = list(target.get("ScheduledActions"));
            assertThat(action(actions, "cron(30 9 ? * MON-THU *)")).containsEntry("Timezone", "Europe/Berlin");
            assertThat(action(actions, "cron(0 18 ? * MON-THU *)")).containsEntry("Timezone", "Europe/Berlin");
        });
        assertThat(propertiesOfAll(compute, "AWS::AutoScaling::ScheduledAction")).map(action -> action.get("Recurrence"))
                .containsExactlyInAnyOrder("30 9 * * 1-4", "0 18 * * 1-4");
        SynthesisedEnvironments.template(endpointsOnly.compute()).resourceCountIs("AWS::AutoScaling::ScheduledAction", 0);
    }

    @Test void bad_schedules_are_refused_with_the_key_named() {
        assertThatThrownBy(() -> new OffHours("WEEKDAYS", LocalTime.of(8, 0), LocalTime.of(20, 0), "Asia/Tokyo"))
                .hasMessageContaining("workdays");
        assertThatThrownBy(() -> new OffHours("MON-FRI", LocalTime.of(20, 0), LocalTime.of(8, 0), "Asia/Tokyo"))
                .hasMessageContaining("workdayStart");
        assertThatThrownBy(() -> new OffHours("MON-FRI", LocalTime.of(8, 0), LocalTime.of(20, 0), "Tokyo"))
                .hasMessageContaining("scheduleTimeZone");
        assertThat(new OffHours("SAT,SUN", LocalTime.of(7, 5), LocalTime.of(9, 0), "UTC").unixCron(LocalTime.of(7, 5)))
                .isEqualTo("5 7 * * 6,0");
    }

    @Test void the_default_network_has_nat_gateways_one_in_dev_and_one_per_zone_in_prod() {
        SynthesisedEnvironments.template(SynthesisedEnvironments.dev().network()).resourceCountIs("AWS::EC2::NatGateway", 1);
        SynthesisedEnvironments.template(SynthesisedEnvironments.prod().network()).resourceCountIs("AWS::EC2::NatGateway", 2);
        SynthesisedEnvironments.template(SynthesisedEnvironments.dev().network()).resourceCountIs("AWS::EC2::Instance", 0);
    }

    @Test void the_nat_instance_option_replaces_the_gateway_by_one_t4g_nano_on_the_fck_nat_ami_letting_in_only_the_vpc() {
        Template network = SynthesisedEnvironments.template(natInstance.network());
        network.resourceCountIs("AWS::EC2::NatGateway", 0);
        Map<String, Object> instance = propertiesOfOnly(network, "AWS::EC2::Instance");
        assertThat(instance).containsEntry("InstanceType", "t4g.nano").containsEntry("SourceDestCheck", false);
        // the AMI the deployer named, for the stacks' region
        assertThat(json(network.toJSON())).contains("ami-0123456789abcdef0");
        List<Map<String, Object>> defaultRoutes = propertiesOfAll(network, "AWS::EC2::Route").stream()
                .filter(route -> "0.0.0.0/0".equals(route.get("DestinationCidrBlock")) && route.containsKey("InstanceId")).toList();
        assertThat(defaultRoutes).as("each private subnet's default route goes to the instance").hasSize(2);
        List<String> ingress = propertiesOfAll(network, "AWS::EC2::SecurityGroup").stream()
                .map(group -> json(group.get("SecurityGroupIngress"))).filter(rules -> !"null".equals(rules)).toList();
        assertThat(ingress).noneSatisfy(rules -> assertThat(rules).contains("0.0.0.0/0"));
        assertThat(json(network.toJSON())).contains("Traffic to the internet from the VPC");
    }

    @Test void the_endpoints_only_option_has_no_nat_isolated_task_subnets_and_the_ecs_and_x_ray_endpoints() {
        Template network = SynthesisedEnvironments.template(endpointsOnly.network());
        network.resourceCountIs("AWS::EC2::NatGateway", 0);
        network.resourceCountIs("AWS::EC2::Instance", 0);
        assertThat(propertiesOfAll(network, "AWS::EC2::Route")).allSatisfy(route ->
                assertThat(json(route)).as("only the public subnets' route to the internet gateway").contains("GatewayId"));
        List<String> services = propertiesOfAll(network, "AWS::EC2::VPCEndpoint").stream()
                .map(endpoint -> json(endpoint.get("ServiceName"))).toList();
        assertThat(services).hasSize(9); // S3 gateway + 8 interface endpoints
        for (String service : List.of(".ecr.api", ".ecr.dkr", ".secretsmanager", ".logs", ".ecs\"", ".ecs-agent", ".ecs-telemetry", ".xray", ".s3")) {
            assertThat(services).as(service).anySatisfy(name -> assertThat(name).contains(service));
        }
        // the tasks still run in the "private" subnets, now isolated
        Template compute = SynthesisedEnvironments.template(endpointsOnly.compute());
        assertThat(propertiesOfAll(compute, "AWS::ECS::Service")).allSatisfy(service ->
                assertThat(json(service.get("NetworkConfiguration"))).contains("privateSubnet1").contains("privateSubnet2"));
        assertThat(warnings(endpointsOnly.network())).anySatisfy(warning -> assertThat(warning).contains("egress=endpoints"));
    }

    @Test void aurora_serverless_v2_scales_the_dev_writer_from_half_an_acu_to_two_without_a_reader() {
        Template data = SynthesisedEnvironments.template(natInstance.data());
        Map<String, Object> cluster = propertiesOfOnly(data, "AWS::RDS::DBCluster");
        assertThat(map(cluster.get("ServerlessV2ScalingConfiguration"))).containsEntry("MinCapacity", 0.5).containsEntry("MaxCapacity", 2);
        assertThat(propertiesOfOnly(data, "AWS::RDS::DBInstance")).containsEntry("DBInstanceClass", "db.serverless");
        // provisioned stays the default
        Template provisioned = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().data());
        assertThat(propertiesOfAll(provisioned, "AWS::RDS::DBInstance")).hasSize(2)
                .allSatisfy(instance -> assertThat(instance).containsEntry("DBInstanceClass", "db.t4g.medium"));
        assertThat(propertiesOfOnly(provisioned, "AWS::RDS::DBCluster")).doesNotContainKey("ServerlessV2ScalingConfiguration");
    }

    @Test void bad_database_and_network_options_are_refused() {
        assertThatThrownBy(() -> new AuroraServerless(4, 2)).hasMessageContaining("serverlessMinAcu");
        assertThatThrownBy(() -> new AuroraServerless(0.3, 2)).hasMessageContaining("steps of 0.5");
        assertThatThrownBy(() -> Egress.named("nat")).hasMessageContaining("nat-gateway, nat-instance or endpoints");
    }

    @Test void every_option_passes_cdk_nag() {
        for (InfraApp.ConciergeStacks stacks : List.of(natInstance, endpointsOnly)) {
            for (Stack stack : stacks.all()) {
                SynthesisedEnvironments.template(stack);
                assertThat(errors(stack)).as("errors in %s", stack.getStackName()).isEmpty();
            }
        }
    }

    private static Map<String, Object> action(List<Object> actions, String schedule) {
        return actions.stream().map(TemplateResources::map).filter(action -> schedule.equals(action.get("Schedule")))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled action " + schedule + " in " + json(actions)));
    }

    @SuppressWarnings("deprecation") // Annotations.find* still answer with cxapi's deprecated SynthesisMessage
    private static List<String> errors(Stack stack) {
        return Annotations.fromStack(stack).findError("*", Match.anyValue()).stream().map(CostControlsTest::text).toList();
    }

    @SuppressWarnings("deprecation")
    private static List<String> warnings(Stack stack) {
        return Annotations.fromStack(stack).findWarning("*", Match.anyValue()).stream().map(CostControlsTest::text).toList();
    }

    @SuppressWarnings("deprecation")
    private static String text(SynthesisMessage message) {
        return message.getId() + ": " + String.valueOf(message.getEntry().getData()).lines().findFirst().orElse("");
    }
}
