using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>
/// Pod specs a real API server refuses for their volumes, volume mounts, probes and resources are refused as 422
/// Invalid with its messages and field paths, in Pods and pod templates alike, and nothing is stored
/// (docs/sandbox-validation.md).
/// </summary>
public sealed class PodSpecValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string Pods = "/api/v1/namespaces/{ns}/pods";
    private const string Mount = """
        "volumeMounts":[{"name":"data","mountPath":"/data"}]
        """;

    /// <summary>What, collection, body, message, causes as "field reason".</summary>
    public static TheoryData<string, string, string, string, string[]> Cases() => new()
    {
        {
            "a volume without a name", Pods, Pod("""[{"emptyDir":{}}]""", ""),
            """Pod "x" is invalid: spec.volumes[0].name: Required value""",
            ["spec.volumes[0].name FieldValueRequired"]
        },
        {
            "a volume name that is not a DNS label", Pods, Pod("""[{"name":"Data_1","emptyDir":{}}]""", ""),
            """Pod "x" is invalid: spec.volumes[0].name: Invalid value: "Data_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')""",
            ["spec.volumes[0].name FieldValueInvalid"]
        },
        {
            "two volumes of one name", Pods, Pod("""[{"name":"data","emptyDir":{}},{"name":"data","emptyDir":{}}]""", ""),
            """Pod "x" is invalid: spec.volumes[1].name: Duplicate value: "data" """.TrimEnd(),
            ["spec.volumes[1].name FieldValueDuplicate"]
        },
        {
            "a volume with two sources", Pods, Pod("""[{"name":"data","emptyDir":{},"configMap":{"name":"settings"}}]""", ""),
            """Pod "x" is invalid: spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type""",
            ["spec.volumes[0].configMap FieldValueForbidden"]
        },
        {
            "a secret volume without a secret name", Pods, Pod("""[{"name":"data","secret":{}}]""", ""),
            """Pod "x" is invalid: spec.volumes[0].secret.secretName: Required value""",
            ["spec.volumes[0].secret.secretName FieldValueRequired"]
        },
        {
            "a config map volume with mode 01000", Pods, Pod("""[{"name":"data","configMap":{"name":"settings","defaultMode":512}}]""", ""),
            """Pod "x" is invalid: spec.volumes[0].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive""",
            ["spec.volumes[0].configMap.defaultMode FieldValueInvalid"]
        },
        {
            "a mount of a volume that does not exist", Pods, Pod("[]", Mount),
            """Pod "x" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data" """.TrimEnd(),
            ["spec.containers[0].volumeMounts[0].name FieldValueNotFound"]
        },
        {
            "a mount of a volume that is itself invalid", Pods, Pod("""[{"name":"data","persistentVolumeClaim":{}}]""", Mount),
            """Pod "x" is invalid: [spec.volumes[0].persistentVolumeClaim.claimName: Required value, spec.containers[0].volumeMounts[0].name: Not found: "data"]""",
            ["spec.volumes[0].persistentVolumeClaim.claimName FieldValueRequired", "spec.containers[0].volumeMounts[0].name FieldValueNotFound"]
        },
        {
            "a mount without a path", Pods, Pod("""[{"name":"data","emptyDir":{}}]""", """
                "volumeMounts":[{"name":"data"}]
                """),
            """Pod "x" is invalid: spec.containers[0].volumeMounts[0].mountPath: Required value""",
            ["spec.containers[0].volumeMounts[0].mountPath FieldValueRequired"]
        },
        {
            "two mounts at one path", Pods, Pod("""[{"name":"data","emptyDir":{}},{"name":"logs","emptyDir":{}}]""", """
                "volumeMounts":[{"name":"data","mountPath":"/var"},{"name":"logs","mountPath":"/var"}]
                """),
            """Pod "x" is invalid: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/var": must be unique""",
            ["spec.containers[0].volumeMounts[1].mountPath FieldValueInvalid"]
        },
        {
            "a probe without a handler", Pods, Pod("[]", """
                "livenessProbe":{"periodSeconds":5}
                """),
            """Pod "x" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type""",
            ["spec.containers[0].livenessProbe FieldValueRequired"]
        },
        {
            "a probe with two handlers", Pods, Pod("[]", """
                "readinessProbe":{"exec":{"command":["true"]},"httpGet":{"port":80}}
                """),
            """Pod "x" is invalid: spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type""",
            ["spec.containers[0].readinessProbe.httpGet FieldValueForbidden"]
        },
        {
            "a negative probe period", Pods, Pod("[]", """
                "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":-5}
                """),
            """Pod "x" is invalid: spec.containers[0].readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0""",
            ["spec.containers[0].readinessProbe.periodSeconds FieldValueInvalid"]
        },
        {
            "a liveness probe that must succeed twice", Pods, Pod("[]", """
                "livenessProbe":{"tcpSocket":{"port":"http"},"successThreshold":2}
                """),
            """Pod "x" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1""",
            ["spec.containers[0].livenessProbe.successThreshold FieldValueInvalid"]
        },
        {
            "an HTTP probe without a port", Pods, Pod("[]", """
                "startupProbe":{"httpGet":{"path":"/healthz"}}
                """),
            """Pod "x" is invalid: spec.containers[0].startupProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive""",
            ["spec.containers[0].startupProbe.httpGet.port FieldValueInvalid"]
        },
        {
            "an exec probe without a command", Pods, Pod("[]", """
                "livenessProbe":{"exec":{}}
                """),
            """Pod "x" is invalid: spec.containers[0].livenessProbe.exec.command: Required value""",
            ["spec.containers[0].livenessProbe.exec.command FieldValueRequired"]
        },
        {
            "a probe on an init container that is not a sidecar", Pods,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"initContainers":[{"name":"setup","image":"busybox","livenessProbe":{"exec":{"command":["true"]}}}],"containers":[{"name":"app","image":"nginx"}]}}""",
            """Pod "x" is invalid: spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always""",
            ["spec.initContainers[0].livenessProbe FieldValueForbidden"]
        },
        {
            "a cpu request above its limit", Pods, Pod("[]", """
                "resources":{"requests":{"cpu":"2"},"limits":{"cpu":"1"}}
                """),
            """Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1""",
            ["spec.containers[0].resources.requests FieldValueInvalid"]
        },
        {
            "a memory request above its limit, printed in canonical form", Pods, Pod("[]", """
                "resources":{"requests":{"memory":"1024Mi"},"limits":{"memory":"0.5Gi"}}
                """),
            """Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi""",
            ["spec.containers[0].resources.requests FieldValueInvalid"]
        },
        {
            "a fractional cpu request above its limit", Pods, Pod("[]", """
                "resources":{"requests":{"cpu":1.5},"limits":{"cpu":"1000m"}}
                """),
            """Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1""",
            ["spec.containers[0].resources.requests FieldValueInvalid"]
        },
        {
            "a negative limit", Pods, Pod("[]", """
                "resources":{"limits":{"memory":"-1Mi"}}
                """),
            """Pod "x" is invalid: spec.containers[0].resources.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0""",
            ["spec.containers[0].resources.limits[memory] FieldValueInvalid"]
        },
        {
            "a resource a container cannot ask for", Pods, Pod("[]", """
                "resources":{"limits":{"cores":"2"}}
                """),
            """Pod "x" is invalid: [spec.containers[0].resources.limits[cores]: Invalid value: cores: must be a standard resource type or fully qualified, spec.containers[0].resources.limits[cores]: Invalid value: cores: must be a standard resource for containers]""",
            ["spec.containers[0].resources.limits[cores] FieldValueInvalid", "spec.containers[0].resources.limits[cores] FieldValueInvalid"]
        },
        {
            "an extended resource requested without a limit", Pods, Pod("[]", """
                "resources":{"requests":{"example.com/gpu":"1"}}
                """),
            """Pod "x" is invalid: spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources""",
            ["spec.containers[0].resources.limits FieldValueRequired"]
        },
        {
            "a statefulset mount of neither a volume nor a claim template", "/apis/apps/v1/namespaces/{ns}/statefulsets",
            StatefulSet("logs"),
            """StatefulSet.apps "x" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "logs" """.TrimEnd(),
            ["spec.template.spec.containers[0].volumeMounts[0].name FieldValueNotFound"]
        },
        {
            "a probe without a handler in a deployment's template", "/apis/apps/v1/namespaces/{ns}/deployments",
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},"spec":{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"app","image":"nginx","readinessProbe":{}}]}}}}""",
            """Deployment.apps "x" is invalid: spec.template.spec.containers[0].readinessProbe: Required value: must specify a handler type""",
            ["spec.template.spec.containers[0].readinessProbe FieldValueRequired"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_pod_spec_the_apiserver_refuses_is_a_422_and_nothing_is_stored(string what, string collection, string body, string message, string[] causes) =>
        RefusedWrites.AssertRefusedAndNotStored(fixture, what, collection, body, 422, "Invalid", message, causes);

    [Fact]
    public async Task A_volume_without_a_source_is_stored_as_an_empty_dir_and_valid_probes_and_resources_pass()
    {
        var body = Pod("""[{"name":"data"}]""", Mount + """
            ,"livenessProbe":{"httpGet":{"port":8080}},"readinessProbe":{"tcpSocket":{"port":"http"},"successThreshold":3},
            "resources":{"requests":{"cpu":"250m","memory":"128Mi"},"limits":{"cpu":"0.5","memory":"1Gi"}}
            """);

        var (ns, created) = await RefusedWrites.PostInNewNamespaceAsync(fixture, Pods, body);

        using (created)
        {
            Assert.Equal(201, (int)created.StatusCode);
        }
        using var http = fixture.Http();
        var stored = JsonNode.Parse(await http.GetStringAsync($"/api/v1/namespaces/{ns}/pods/x"))!;
        Assert.NotNull(stored["spec"]!["volumes"]![0]!["emptyDir"]);
    }

    [Fact]
    public async Task A_statefulset_may_mount_its_volume_claim_templates()
    {
        var (_, created) = await RefusedWrites.PostInNewNamespaceAsync(fixture, "/apis/apps/v1/namespaces/{ns}/statefulsets", StatefulSet("data"));

        using (created)
        {
            Assert.Equal(201, (int)created.StatusCode);
        }
    }

    private static string StatefulSet(string mounted) =>
        """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"x"},"spec":{"serviceName":"x","selector":{"matchLabels":{"app":"x"}},"volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}],"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"db","image":"postgres","volumeMounts":[{"name":" """.TrimEnd()
        + mounted + "\",\"mountPath\":\"/var/lib/data\"}]}]}}}}";

    private static string Pod(string volumes, string containerFields)
    {
        var extra = containerFields.Trim().Length == 0 ? "" : "," + containerFields.Trim();
        return """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"volumes":""" + volumes + ""","containers":[{"name":"app","image":"nginx" """.TrimEnd() + extra + "}]}}";
    }
}
