package software.amazon.awscdk.standin;

/** Stands in for an AWS CDK class, which this module does not put on its classpath: the rule matches the package name only. */
public interface ConstructStandIn {
}
