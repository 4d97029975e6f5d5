package dev.concierge.rehearsal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way to deploy: environment × phase × identity × model server engine × layout, as CDK context.
 *
 * @param identity {@code oidc} (the phase's sign-in: the app's own in the MVP, the ALB's in public), {@code shared}
 *                 (the written opt-in {@code sharedIdentity=true}) or {@code none} (neither: synth must refuse)
 */
record Combination(String env, String phase, String identity, String engine, String layout) {
    static final String DOCKER_HUB_CREDENTIAL_ARN = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf";
    static final String CERTIFICATE_ARN = "arn:aws:acm:ap-northeast-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";
    static final String ISSUER = "https://login.example.com";

    static List<Combination> all() {
        List<Combination> all = new ArrayList<>();
        for (String env : List.of("dev", "prod"))
            for (String phase : List.of("mvp", "public"))
                for (String identity : List.of("oidc", "shared", "none"))
                    for (String engine : List.of("ollama", "vllm"))
                        for (String layout : List.of("tiered", "combined"))
                            all.add(new Combination(env, phase, identity, engine, layout));
        return all;
    }

    /** Refused by design: every phase must tell users apart unless the deployer opted into one shared identity. */
    boolean refusedBySynth() {
        return identity.equals("none");
    }

    String name() {
        return String.join("-", env, phase, identity, engine, layout);
    }

    Map<String, String> context() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("env", env);
        context.put("phase", phase);
        context.put("llmEngine", engine);
        context.put("layout", layout);
        context.put("dockerHubCredentialArn", DOCKER_HUB_CREDENTIAL_ARN);
        context.put("region", "ap-northeast-1");
        if (phase.equals("mvp")) {
            // seed 002's corporate ranges; the VPC moves out of 10/8, which synth requires
            context.put("allowedCidrs", "192.168.0.0/16,10.0.0.0/8");
            context.put("vpcCidr", "172.20.0.0/16");
        } else {
            context.put("certificateArn", CERTIFICATE_ARN);
        }
        switch (identity) {
            case "oidc" -> {
                context.put("oidcIssuer", ISSUER);
                context.put("oidcClientId", "concierge");
                context.put("oidcClientSecretName", "concierge/" + env + "/oidc-client-secret");
                if (phase.equals("mvp")) {
                    context.put("publicBaseUrl", "http://concierge.corp.example.com");
                } else {
                    context.put("oidcAuthorizationEndpoint", ISSUER + "/authorize");
                    context.put("oidcTokenEndpoint", ISSUER + "/token");
                    context.put("oidcUserInfoEndpoint", ISSUER + "/userinfo");
                }
            }
            case "shared" -> context.put("sharedIdentity", "true");
            default -> { }
        }
        return context;
    }
}
