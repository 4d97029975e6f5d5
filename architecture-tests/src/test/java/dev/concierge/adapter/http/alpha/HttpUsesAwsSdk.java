package dev.concierge.adapter.http.alpha;

import software.amazon.awssdk.standin.SdkClientStandIn;

/** Fixture, violates rule 4 on purpose: the AWS SDK outside the secrets adapter. */
public final class HttpUsesAwsSdk {
    SdkClientStandIn client;
}
