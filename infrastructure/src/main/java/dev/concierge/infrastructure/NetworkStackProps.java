package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;

import java.util.Objects;

/**
 * What the network needs: the environment's sizes and the VPC's range.
 *
 * @param vpcCidr the VPC's IPv4 range (context {@code vpcCidr}, else the profile's)
 */
public record NetworkStackProps(StackProps stack, DeploymentProfile profile, String vpcCidr) {
    public NetworkStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Ipv4Range.parse(vpcCidr);
    }
}
