package dev.concierge.infrastructure;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.BasicScheduledActionProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Seed 001's cost control "dev は夜間・休日にタスク数 0": outside working hours every service of the environment and
 * its GPU capacity are scaled to zero by scheduled actions, and brought back at the start of the next working day (a
 * Friday evening's stop lasts the weekend). Context keys {@code offHours} (on in dev, off in prod), {@code workdays},
 * {@code workdayStart}, {@code workdayEnd} and {@code scheduleTimeZone}.
 *
 * @param workdays  the days the services run, as a cron day-of-week field ({@code MON-FRI})
 * @param start     when they are brought back on a working day
 * @param end       when they are scaled to zero on a working day
 * @param timeZone  the IANA zone the times are in ({@code Asia/Tokyo})
 */
public record OffHours(String workdays, LocalTime start, LocalTime end, String timeZone) {
    public static final String DEFAULT_WORKDAYS = "MON-FRI";
    public static final LocalTime DEFAULT_START = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(20, 0);
    public static final String DEFAULT_TIME_ZONE = "Asia/Tokyo";
    /** Time for the morning's tasks to start and pass their health checks before the alarms speak again. */
    public static final int ALARMS_RESUME_MINUTES = 15;
    private static final Pattern DAYS = Pattern.compile("(SUN|MON|TUE|WED|THU|FRI|SAT)([-,](SUN|MON|TUE|WED|THU|FRI|SAT))*");

    public OffHours {
        if (!DAYS.matcher(workdays).matches()) {
            throw new IllegalArgumentException("workdays is a cron day-of-week list such as MON-FRI or MON,WED,FRI; got '" + workdays + "'");
        }
        if (!start.isBefore(end)) throw new IllegalArgumentException("workdayStart " + start + " must be before workdayEnd " + end);
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("scheduleTimeZone must be an IANA zone such as Asia/Tokyo; got '" + timeZone + "'");
        }
    }

    /** The schedule the context asks for: {@code offHours=true|false}, by default on in dev only. */
    static Optional<OffHours> from(Construct app, DeploymentProfile profile) {
        boolean on = InfraApp.text(app, "offHours").map(OffHours::flag).orElse(!profile.production());
        if (!on) return Optional.empty();
        return Optional.of(new OffHours(
                InfraApp.text(app, "workdays").orElse(DEFAULT_WORKDAYS).toUpperCase(java.util.Locale.ROOT),
                InfraApp.text(app, "workdayStart").map(OffHours::time).orElse(DEFAULT_START),
                InfraApp.text(app, "workdayEnd").map(OffHours::time).orElse(DEFAULT_END),
                InfraApp.text(app, "scheduleTimeZone").orElse(DEFAULT_TIME_ZONE)));
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("offHours must be true or false, got '" + value + "'");
        };
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("workdayStart and workdayEnd are HH:MM (24 h), got '" + value + "'");
        }
    }

    /** An ECS service's task count: {@code min..max} during working hours, 0 outside. */
    void scale(ScalableTaskCount taskCount, int min, int max) {
        taskCount.scaleOnSchedule("WorkdayStart", working(min, max));
        taskCount.scaleOnSchedule("WorkdayEnd", stopped());
    }

    /** The same for a scalable target created by hand (the generation tier's). */
    void scale(ScalableTarget target, int min, int max) {
        target.scaleOnSchedule("WorkdayStart", working(min, max));
        target.scaleOnSchedule("WorkdayEnd", stopped());
    }

    /** GPU instances: none may run outside working hours, whatever a task asks for. */
    void scale(AutoScalingGroup group, int max) {
        group.scaleOnSchedule("WorkdayStart", BasicScheduledActionProps.builder()
                .schedule(software.amazon.awscdk.services.autoscaling.Schedule.expression(unixCron(start)))
                .timeZone(timeZone).minCapacity(0).maxCapacity(max).build());
        group.scaleOnSchedule("WorkdayEnd", BasicScheduledActionProps.builder()
                .schedule(software.amazon.awscdk.services.autoscaling.Schedule.expression(unixCron(end)))
                .timeZone(timeZone).minCapacity(0).maxCapacity(0).desiredCapacity(0).build());
    }

    /**
     * Pauses the actions of {@code alarms} while the services are scaled to zero (the site is "down" on purpose) and
     * resumes them {@value #ALARMS_RESUME_MINUTES} minutes after the working day starts, once the tasks are healthy again.
     */
    void pauseActionsOf(Construct scope, List<Alarm> alarms) {
        if (alarms.isEmpty()) return;
        Role role = Role.Builder.create(scope, "AlarmScheduleRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("EventBridge Scheduler: pause and resume the actions of alarms that fire while dev is scaled to zero")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:DisableAlarmActions", "cloudwatch:EnableAlarmActions"))
                .resources(alarms.stream().map(Alarm::getAlarmArn).toList())
                .build());
        String input = Stack.of(scope).toJsonString(Map.of("AlarmNames", alarms.stream().map(Alarm::getAlarmName).toList()));
        schedule(scope, "PauseAlarmActions", cron(end), "cloudwatch:disableAlarmActions", role, input);
        schedule(scope, "ResumeAlarmActions", cron(end.isAfter(start.plusMinutes(ALARMS_RESUME_MINUTES)) ? start.plusMinutes(ALARMS_RESUME_MINUTES) : start),
                "cloudwatch:enableAlarmActions", role, input);
    }

    /**
     * Stops an EventBridge rule while the services are scaled to zero and starts it again when {@link #pauseActionsOf}
     * resumes the alarms: for alarms of another region (the Route 53 site check) whose state changes travel as events.
     */
    void pauseRule(Construct scope, Rule rule) {
        Role role = Role.Builder.create(scope, "RuleScheduleRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("EventBridge Scheduler: stop and start a rule whose alarms fire while dev is scaled to zero")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:DisableRule", "events:EnableRule"))
                .resources(List.of(rule.getRuleArn()))
                .build());
        String input = Stack.of(scope).toJsonString(Map.of("Name", rule.getRuleName()));
        schedule(scope, "PauseRule", cron(end), "eventbridge:disableRule", role, input);
        schedule(scope, "ResumeRule", cron(end.isAfter(start.plusMinutes(ALARMS_RESUME_MINUTES)) ? start.plusMinutes(ALARMS_RESUME_MINUTES) : start),
                "eventbridge:enableRule", role, input);
    }

    private void schedule(Construct scope, String id, String cron, String action, Role role, String input) {
        CfnSchedule.Builder.create(scope, id)
                .scheduleExpression("cron(" + cron + ")")
                .scheduleExpressionTimezone(timeZone)
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .target(CfnSchedule.TargetProperty.builder()
                        .arn("arn:" + Stack.of(scope).getPartition() + ":scheduler:::aws-sdk:" + action)
                        .roleArn(role.getRoleArn())
                        .input(input)
                        .build())
                .build();
    }

    private ScalingSchedule working(int min, int max) {
        return ScalingSchedule.builder()
                .schedule(software.amazon.awscdk.services.applicationautoscaling.Schedule.expression("cron(" + cron(start) + ")"))
                .timeZone(TimeZone.of(timeZone)).minCapacity(min).maxCapacity(max).build();
    }

    private ScalingSchedule stopped() {
        return ScalingSchedule.builder()
                .schedule(software.amazon.awscdk.services.applicationautoscaling.Schedule.expression("cron(" + cron(end) + ")"))
                .timeZone(TimeZone.of(timeZone)).minCapacity(0).maxCapacity(0).build();
    }

    /** Application Auto Scaling's six-field cron (minutes hours day-of-month month day-of-week year), unwrapped. */
    String cron(LocalTime time) {
        return time.getMinute() + " " + time.getHour() + " ? * " + workdays + " *";
    }

    /** EC2 Auto Scaling's five-field Unix cron, days as numbers (0 = Sunday). */
    String unixCron(LocalTime time) {
        String days = workdays;
        String[] names = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
        for (int day = 0; day < names.length; day++) days = days.replace(names[day], String.valueOf(day));
        return time.getMinute() + " " + time.getHour() + " * * " + days;
    }
}
