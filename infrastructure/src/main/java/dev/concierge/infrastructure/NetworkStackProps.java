package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;

import java.util.Objects;

/**
 * What the network needs: the environment's sizes and the VPC's range.
 *
 * @param vpcCidr        the VPC's IPv4 range (context {@code vpcCidr}, else the profile's)
 * @param egress         how the private subnets reach the internet (context {@code egress})
 * @param natInstanceAmi the fck-nat AMI of the region for {@link Egress#NAT_INSTANCE} (context {@code natInstanceAmi})
 */
public record NetworkStackProps(StackProps stack, DeploymentProfile profile, String vpcCidr, Egress egress,
                                java.util.Optional<String> natInstanceAmi) {
    public NetworkStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(natInstanceAmi, "natInstanceAmi");
        if (natInstanceAmi.isPresent() && egress != Egress.NAT_INSTANCE) {
            throw new IllegalArgumentException("natInstanceAmi is for egress=nat-instance; egress is " + egress.value());
        }
        Ipv4Range.parse(vpcCidr);
    }
}
