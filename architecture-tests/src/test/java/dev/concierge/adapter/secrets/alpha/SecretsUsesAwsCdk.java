package dev.concierge.adapter.secrets.alpha;

import software.amazon.awscdk.standin.ConstructStandIn;

/** Fixture, violates rule 4 on purpose: the AWS CDK in a runtime adapter. */
public final class SecretsUsesAwsCdk {
    ConstructStandIn construct;
}
