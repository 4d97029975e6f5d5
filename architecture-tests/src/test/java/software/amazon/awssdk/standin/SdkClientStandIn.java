package software.amazon.awssdk.standin;

/** Stands in for an AWS SDK class, which this module does not put on its classpath: the rule matches the package name only. */
public interface SdkClientStandIn {
}
