package dev.concierge.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a value of a synthesised template into the text the container would receive, replacing each CloudFormation
 * token by what it names here: the Aurora endpoint by the rehearsal's PostgreSQL (a non-loopback address), a secret by
 * the ARN the local Secrets Manager answers to, the files bucket by the local S3 server's bucket. An intrinsic this
 * class does not know fails the rehearsal, naming it, rather than passing something unresolved to the app.
 */
final class CloudFormationValues {
    static final String REGION = "ap-northeast-1";
    static final String ACCOUNT = "123456789012";
    static final String FILES_BUCKET = "concierge-files-rehearsal";

    private final Map<String, JsonNode> templates; // stack artifact id -> template
    private final String databaseHost;
    private final int databasePort;

    CloudFormationValues(Map<String, JsonNode> templates, String databaseHost, int databasePort) {
        this.templates = templates;
        this.databaseHost = databaseHost;
        this.databasePort = databasePort;
    }

    String resolve(JsonNode value, JsonNode template) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) return value.asText();
        if (value.has("Fn::Join")) {
            JsonNode join = value.get("Fn::Join");
            List<String> parts = new ArrayList<>();
            join.get(1).forEach(part -> parts.add(resolve(part, template)));
            return String.join(join.get(0).asText(), parts);
        }
        if (value.has("Fn::ImportValue")) return imported(resolve(value.get("Fn::ImportValue"), template));
        if (value.has("Ref")) return reference(value.get("Ref").asText(), template);
        if (value.has("Fn::GetAtt")) return attribute(value.get("Fn::GetAtt").get(0).asText(), value.get("Fn::GetAtt").get(1).asText(), template);
        throw new IllegalStateException("the rehearsal cannot resolve " + value);
    }

    private String imported(String exportName) {
        for (JsonNode template : templates.values()) {
            for (JsonNode output : iterable(template.path("Outputs"))) {
                if (exportName.equals(output.path("Export").path("Name").asText())) return resolve(output.get("Value"), template);
            }
        }
        throw new IllegalStateException("no stack exports " + exportName);
    }

    private String reference(String name, JsonNode template) {
        switch (name) {
            case "AWS::Region": return REGION;
            case "AWS::AccountId": return ACCOUNT;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            default: break;
        }
        JsonNode resource = template.path("Resources").path(name);
        String type = resource.path("Type").asText();
        return switch (type) {
            case "AWS::SecretsManager::Secret" -> SecretsManagerServer.arnOf(resource.path("Properties").path("Name").asText());
            case "AWS::SecretsManager::SecretTargetAttachment" -> resolve(resource.path("Properties").path("SecretId"), template);
            case "AWS::S3::Bucket" -> FILES_BUCKET;
            case "AWS::ElasticLoadBalancingV2::LoadBalancer" ->
                    "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":loadbalancer/app/concierge/0123456789abcdef";
            default -> throw new IllegalStateException("the rehearsal cannot resolve Ref " + name + " of type '" + type + "'");
        };
    }

    private String attribute(String logicalId, String attribute, JsonNode template) {
        String type = template.path("Resources").path(logicalId).path("Type").asText();
        return switch (type + "." + attribute) {
            case "AWS::RDS::DBCluster.Endpoint.Address" -> databaseHost;
            case "AWS::RDS::DBCluster.Endpoint.Port" -> String.valueOf(databasePort);
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + FILES_BUCKET;
            default -> throw new IllegalStateException("the rehearsal cannot resolve GetAtt " + logicalId + "." + attribute + " of type '" + type + "'");
        };
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        node.elements().forEachRemaining(values::add);
        return values;
    }
}
