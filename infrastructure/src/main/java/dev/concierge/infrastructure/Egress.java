package dev.concierge.infrastructure;

import java.util.Locale;

/**
 * How the private subnets reach the internet (context key {@code egress}). Every choice keeps AWS's own services on VPC
 * endpoints; they differ in what else the tasks can reach and what it costs.
 */
public enum Egress {
    /** Managed NAT gateways (dev one, prod one per zone): model downloads, OpenAI and the identity provider work. */
    NAT_GATEWAY,
    /**
     * Seed 001's dev saving: one small NAT instance (t4g.nano) instead of a NAT gateway; the fck-nat AMI when the
     * context key {@code natInstanceAmi} names it, else Amazon Linux 2023 set up as a NAT by CDK's user data. One
     * instance, no failover: for dev.
     */
    NAT_INSTANCE,
    /**
     * Seed 003's choice: no NAT at all, the private subnets isolated, AWS services through VPC endpoints only (the ECS
     * agent's and X-Ray's added). Nothing on the internet is reachable: the model weights must already be on the
     * shared volume, {@code LLM_PROVIDER=openai} and an identity provider on the internet do not work.
     */
    ENDPOINTS;

    static Egress named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "nat-gateway" -> NAT_GATEWAY;
            case "nat-instance" -> NAT_INSTANCE;
            case "endpoints" -> ENDPOINTS;
            default -> throw new IllegalArgumentException("CDK context egress must be nat-gateway, nat-instance or endpoints, got '" + name + "'");
        };
    }

    public String value() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
