namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>
/// Metadata a real API server refuses (label keys and values, annotation keys and total size, finalizer names) is
/// refused as 422 Invalid with its messages and field paths, and nothing is stored (docs/sandbox-validation.md).
/// </summary>
public sealed class ObjectMetaValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string ConfigMaps = "/api/v1/namespaces/{ns}/configmaps";
    private static readonly string LongValue = new('a', 64);
    private static readonly string HugeAnnotation = new('v', 256 * 1024);

    /// <summary>What, collection, body, message, causes as "field reason".</summary>
    public static TheoryData<string, string, string, string, string[]> Cases() => new()
    {
        {
            "a label value of 64 characters", ConfigMaps, ConfigMap("\"labels\":{\"tier\":\"" + LongValue + "\"}"),
            "ConfigMap \"x\" is invalid: metadata.labels: Invalid value: \"" + LongValue + "\": must be no more than 63 characters",
            ["metadata.labels FieldValueInvalid"]
        },
        {
            "a label key with a space", ConfigMaps, ConfigMap("""
                "labels":{"bad key":"v"}
                """),
            """ConfigMap "x" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')""",
            ["metadata.labels FieldValueInvalid"]
        },
        {
            "a label value with a slash", ConfigMaps, ConfigMap("""
                "labels":{"tier":"a/b"}
                """),
            """ConfigMap "x" is invalid: metadata.labels: Invalid value: "a/b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')""",
            ["metadata.labels FieldValueInvalid"]
        },
        {
            "an annotation key with two slashes", ConfigMaps, ConfigMap("""
                "annotations":{"a/b/c":"v"}
                """),
            """ConfigMap "x" is invalid: metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')""",
            ["metadata.annotations FieldValueInvalid"]
        },
        {
            "annotations over 256 KiB in all", ConfigMaps, ConfigMap("\"annotations\":{\"note\":\"" + HugeAnnotation + "\"}"),
            """ConfigMap "x" is invalid: metadata.annotations: Too long: must have at most 262144 bytes""",
            ["metadata.annotations FieldValueTooLong"]
        },
        {
            "a finalizer without a domain", ConfigMaps, ConfigMap("""
                "finalizers":["cleanup"]
                """),
            """ConfigMap "x" is invalid: metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified""",
            ["metadata.finalizers[0] FieldValueInvalid"]
        },
        {
            "a finalizer that is not a qualified name", "/apis/apps/v1/namespaces/{ns}/deployments",
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x","finalizers":["example.com/clean up"]},"spec":{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}}}""",
            """Deployment.apps "x" is invalid: metadata.finalizers: Invalid value: "example.com/clean up": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')""",
            ["metadata.finalizers FieldValueInvalid"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Metadata_the_apiserver_refuses_is_a_422_and_nothing_is_stored(string what, string collection, string body, string message, string[] causes) =>
        RefusedWrites.AssertRefusedAndNotStored(fixture, what, collection, body, 422, "Invalid", message, causes);

    [Fact]
    public async Task Kubernetes_own_finalizers_and_qualified_ones_are_accepted()
    {
        var (_, created) = await RefusedWrites.PostInNewNamespaceAsync(fixture, ConfigMaps, ConfigMap("""
            "finalizers":["kubernetes","orphan","example.com/keep"]
            """));

        using (created)
        {
            Assert.Equal(201, (int)created.StatusCode);
        }
    }

    private static string ConfigMap(string metadata) => """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x",""" + metadata.Trim() + "}}";
}
