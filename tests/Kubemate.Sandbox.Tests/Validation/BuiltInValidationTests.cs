using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>
/// Built-in objects a real API server refuses are refused with its status, reason, message and field paths, and
/// nothing is stored (the store's revision stays put and the object reads back 404). The expected messages are the
/// apiserver's, as docs/sandbox-validation.md lists its rules.
/// </summary>
public sealed class BuiltInValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string Deployments = "/apis/apps/v1/namespaces/{ns}/deployments";
    private const string Pods = "/api/v1/namespaces/{ns}/pods";
    private const string Services = "/api/v1/namespaces/{ns}/services";
    private const string ConfigMaps = "/api/v1/namespaces/{ns}/configmaps";
    private const string Secrets = "/api/v1/namespaces/{ns}/secrets";
    private const string Container = """{"name":"app","image":"nginx"}""";
    private const string Template = "\"template\":" + """{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[""" + Container + "]}}";

    /// <summary>What, collection, body, HTTP status, reason, message, causes as "field reason".</summary>
    public static TheoryData<string, string, string, int, string, string, string[]> Cases() => new()
    {
        {
            "deployment without selector", Deployments,
            Deployment("{" + Template + "}"), 422, "Invalid",
            """Deployment.apps "x" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`]""",
            ["spec.selector FieldValueRequired", "spec.template.metadata.labels FieldValueInvalid"]
        },
        {
            "deployment with an empty selector", Deployments,
            Deployment("""{"selector":{},""" + Template + "}"), 422, "Invalid",
            """Deployment.apps "x" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment""",
            ["spec.selector FieldValueInvalid"]
        },
        {
            "deployment without containers", Deployments,
            Deployment("""{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{}}}"""), 422, "Invalid",
            """Deployment.apps "x" is invalid: spec.template.spec.containers: Required value""",
            ["spec.template.spec.containers FieldValueRequired"]
        },
        {
            "deployment whose selector does not match its template", Deployments,
            Deployment("""{"selector":{"matchLabels":{"app":"y"}},""" + Template + "}"), 422, "Invalid",
            """Deployment.apps "x" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`""",
            ["spec.template.metadata.labels FieldValueInvalid"]
        },
        {
            "deployment with negative replicas", Deployments,
            Deployment("""{"replicas":-1,"selector":{"matchLabels":{"app":"x"}},""" + Template + "}"), 422, "Invalid",
            """Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0""",
            ["spec.replicas FieldValueInvalid"]
        },
        {
            "deployment with replicas as a string", Deployments,
            Deployment("""{"replicas":"three","selector":{"matchLabels":{"app":"x"}},""" + Template + "}"), 400, "BadRequest",
            """Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32""",
            []
        },
        {
            "deployment with a number as an env value", Deployments,
            Deployment("""{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"a","image":"i","env":[{"name":"N","value":5}]}]}}}"""), 400, "BadRequest",
            """Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string""",
            []
        },
        {
            "replicaset without containers", "/apis/apps/v1/namespaces/{ns}/replicasets",
            """{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"x"},"spec":{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}}}}}""", 422, "Invalid",
            """ReplicaSet.apps "x" is invalid: spec.template.spec.containers: Required value""",
            ["spec.template.spec.containers FieldValueRequired"]
        },
        {
            "statefulset whose selector does not match its template", "/apis/apps/v1/namespaces/{ns}/statefulsets",
            """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"x"},"spec":{"serviceName":"x","selector":{"matchLabels":{"app":"y"}},""" + Template + "}}", 422, "Invalid",
            """StatefulSet.apps "x" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`""",
            ["spec.template.metadata.labels FieldValueInvalid"]
        },
        {
            "daemonset with a pod that restarts Never", "/apis/apps/v1/namespaces/{ns}/daemonsets",
            """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"x"},"spec":{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}},"spec":{"restartPolicy":"Never","containers":[""" + Container + "]}}}}", 422, "Invalid",
            "DaemonSet.apps \"x\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
            ["spec.template.spec.restartPolicy FieldValueNotSupported"]
        },
        {
            "job whose pod restarts Always", "/apis/batch/v1/namespaces/{ns}/jobs",
            """{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"x"},"spec":{"template":{"spec":{"containers":[""" + Container + "]}}}}", 422, "Invalid",
            "Job.batch \"x\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
            ["spec.template.spec.restartPolicy FieldValueNotSupported"]
        },
        {
            "pod container without name", Pods,
            Pod("""{"containers":[{"image":"nginx"}]}"""), 422, "Invalid",
            """Pod "x" is invalid: spec.containers[0].name: Required value""",
            ["spec.containers[0].name FieldValueRequired"]
        },
        {
            "pod container without image", Pods,
            Pod("""{"containers":[{"name":"app"}]}"""), 422, "Invalid",
            """Pod "x" is invalid: spec.containers[0].image: Required value""",
            ["spec.containers[0].image FieldValueRequired"]
        },
        {
            "pod without spec", Pods,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"}}""", 422, "Invalid",
            """Pod "x" is invalid: spec.containers: Required value""",
            ["spec.containers FieldValueRequired"]
        },
        {
            "pod with two containers of one name", Pods,
            Pod("""{"containers":[""" + Container + "," + Container + "]}"), 422, "Invalid",
            "Pod \"x\" is invalid: spec.containers[1].name: Duplicate value: \"app\"",
            ["spec.containers[1].name FieldValueDuplicate"]
        },
        {
            "pod with an invalid container name", Pods,
            Pod("""{"containers":[{"name":"App_1","image":"nginx"}]}"""), 422, "Invalid",
            """Pod "x" is invalid: spec.containers[0].name: Invalid value: "App_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')""",
            ["spec.containers[0].name FieldValueInvalid"]
        },
        {
            "pod with container port 70000", Pods,
            Pod("""{"containers":[{"name":"app","image":"nginx","ports":[{"containerPort":70000}]}]}"""), 422, "Invalid",
            """Pod "x" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive""",
            ["spec.containers[0].ports[0].containerPort FieldValueInvalid"]
        },
        {
            "pod with containers as a string", Pods,
            Pod("""{"containers":"nginx"}"""), 400, "BadRequest",
            """Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container""",
            []
        },
        {
            "service port 70000", Services,
            Service("""[{"port":70000}]"""), 422, "Invalid",
            """Service "x" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive""",
            ["spec.ports[0].port FieldValueInvalid"]
        },
        {
            "service target port 70000", Services,
            Service("""[{"port":80,"targetPort":70000}]"""), 422, "Invalid",
            """Service "x" is invalid: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive""",
            ["spec.ports[0].targetPort FieldValueInvalid"]
        },
        {
            "cluster IP service without ports", Services,
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},"spec":{"selector":{"app":"x"}}}""", 422, "Invalid",
            """Service "x" is invalid: spec.ports: Required value""",
            ["spec.ports FieldValueRequired"]
        },
        {
            "service port with protocol HTTP", Services,
            Service("""[{"port":80,"protocol":"HTTP"}]"""), 422, "Invalid",
            "Service \"x\" is invalid: spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
            ["spec.ports[0].protocol FieldValueNotSupported"]
        },
        {
            "configmap with a number as a value", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"k":5}}""", 400, "BadRequest",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string""",
            []
        },
        {
            "configmap with a key that is not a config key", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a b":"v"}}""", 422, "Invalid",
            """ConfigMap "x" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')""",
            ["data[a b] FieldValueInvalid"]
        },
        {
            "secret data that is not base64", Secrets,
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"data":{"k":"abc$"}}""", 400, "BadRequest",
            """Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3""",
            []
        },
        {
            "secret stringData key that is not a config key", Secrets,
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"stringData":{"../up":"v"}}""", 422, "Invalid",
            """Secret "x" is invalid: [data[../up]: Invalid value: "../up": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+'), data[../up]: Invalid value: "../up": must not start with '..']""",
            ["data[../up] FieldValueInvalid", "data[../up] FieldValueInvalid"]
        },
        {
            "TLS secret without its key", Secrets,
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"type":"kubernetes.io/tls","data":{"tls.crt":"Y2VydA=="}}""", 422, "Invalid",
            """Secret "x" is invalid: data[tls.key]: Required value""",
            ["data[tls.key] FieldValueRequired"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task An_object_the_apiserver_refuses_is_refused_the_same_way_and_not_stored(
        string what, string collection, string body, int code, string reason, string message, string[] causes) =>
        RefusedWrites.AssertRefusedAndNotStored(fixture, what, collection, body, code, reason, message, causes);

    [Fact]
    public async Task A_cause_carries_its_field_and_the_message_without_it_as_the_apiserver_sends_them()
    {
        var ns = await Namespace();
        using var http = fixture.Http();

        using var response = await http.PostAsync(Pods.Replace("{ns}", ns, StringComparison.Ordinal), Json(Pod("""{"containers":[{"image":"nginx"}]}""")));

        var cause = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["details"]!["causes"]![0]!;
        Assert.Equal("spec.containers[0].name", cause["field"]!.GetValue<string>());
        Assert.Equal("Required value", cause["message"]!.GetValue<string>());
        Assert.Equal("FieldValueRequired", cause["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_to_an_invalid_object_is_refused_and_the_stored_one_is_unchanged()
    {
        var ns = await Namespace();
        using var http = fixture.Http();
        var path = Deployments.Replace("{ns}", ns, StringComparison.Ordinal);
        using var created = await http.PostAsync(path, Json(Deployment("""{"replicas":2,"selector":{"matchLabels":{"app":"x"}},""" + Template + "}")));
        Assert.Equal(201, (int)created.StatusCode);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, path + "/x")
        {
            Content = new StringContent("""{"spec":{"replicas":-3,"selector":{"matchLabels":{"app":"other"}}}}""", Encoding.UTF8),
        };
        patch.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/merge-patch+json");
        using var patched = await http.SendAsync(patch);

        Assert.Equal(422, (int)patched.StatusCode);
        var message = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!["message"]!.GetValue<string>();
        Assert.StartsWith("Deployment.apps \"x\" is invalid: [spec.replicas: Invalid value: -3: must be greater than or equal to 0, ", message, StringComparison.Ordinal);
        var stored = JsonNode.Parse(await http.GetStringAsync(path + "/x"))!;
        Assert.Equal(2, stored["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("x", stored["spec"]!["selector"]!["matchLabels"]!["app"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deployment_keeps_its_selector_for_life()
    {
        var ns = await Namespace();
        using var http = fixture.Http();
        var path = Deployments.Replace("{ns}", ns, StringComparison.Ordinal);
        using var created = await http.PostAsync(path, Json(Deployment("""{"selector":{"matchLabels":{"app":"x"}},""" + Template + "}")));
        Assert.Equal(201, (int)created.StatusCode);

        var changed = Deployment("""{"selector":{"matchLabels":{"app":"x","tier":"web"}},"template":{"metadata":{"labels":{"app":"x","tier":"web"}},"spec":{"containers":[""" + Container + "]}}}");
        using var replaced = await http.PutAsync(path + "/x", Json(changed));

        Assert.Equal(422, (int)replaced.StatusCode);
        var status = JsonNode.Parse(await replaced.Content.ReadAsStringAsync())!;
        Assert.Equal(
            "Deployment.apps \"x\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"x\", \"tier\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
            status["message"]!.GetValue<string>());
        var stored = JsonNode.Parse(await http.GetStringAsync(path + "/x"))!;
        Assert.Null(stored["spec"]!["selector"]!["matchLabels"]!["tier"]);
    }

    [Fact]
    public async Task Secret_string_data_is_merged_into_data_as_base64_and_not_stored()
    {
        var ns = await Namespace();
        using var http = fixture.Http();
        var path = Secrets.Replace("{ns}", ns, StringComparison.Ordinal);

        using var created = await http.PostAsync(path, Json(
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"data":{"user":"YWRh","password":"b2xk"},"stringData":{"password":"S3cr3t"}}"""));

        Assert.Equal(201, (int)created.StatusCode);
        var stored = JsonNode.Parse(await http.GetStringAsync(path + "/x"))!.AsObject();
        Assert.False(stored.ContainsKey("stringData"));
        Assert.Equal(Convert.ToBase64String("S3cr3t"u8.ToArray()), stored["data"]!["password"]!.GetValue<string>());
        Assert.Equal("YWRh", stored["data"]!["user"]!.GetValue<string>());
        Assert.DoesNotContain("S3cr3t", stored.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<string> Namespace()
    {
        using var client = fixture.Client();
        return await client.CreateUniqueNamespaceAsync("valid-");
    }

    private static StringContent Json(string body) => RefusedWrites.Json(body);

    private static string Deployment(string spec) => """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},"spec":""" + spec + "}";

    private static string Pod(string spec) => """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":""" + spec + "}";

    private static string Service(string ports) => """{"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},"spec":{"selector":{"app":"x"},"ports":""" + ports + "}}";
}
