package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;

import java.util.Objects;
import java.util.Optional;

/**
 * What the edge needs: the environment's sizes, how users reach it (the phase), the VPC, and the name users type.
 *
 * @param domain          the site's name and, when the app owns its record, the hosted zone it is written in
 * @param healthCheckers  MVP, internet-facing: the AWS-managed prefix list of Route 53 health checkers admitted on 80
 */
public record EdgeStackProps(StackProps stack, DeploymentProfile profile, Exposure exposure, IVpc vpc,
                             Optional<SiteDomain> domain, Optional<String> healthCheckers) {
    public EdgeStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(healthCheckers, "healthCheckers");
    }
}
