using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Tests;

/// <summary>
/// PersistentVolume, PersistentVolumeClaim, PodDisruptionBudget, HorizontalPodAutoscaler, ValidatingAdmissionPolicy
/// and its binding over plain HTTP: every verb, the status subresource, discovery, OpenAPI and printed columns.
/// </summary>
public sealed class StorageAndPolicyKindsTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    public sealed record Kind(string Prefix, string Plural, string KindName, bool Namespaced, bool HasStatus, string Body, string Status)
    {
        public override string ToString() => KindName;

        public string Collection(string ns) => Namespaced ? $"{Prefix}/namespaces/{ns}/{Plural}" : $"{Prefix}/{Plural}";

        public string ApiVersion => Prefix == "/api/v1" ? "v1" : Prefix["/apis/".Length..];
    }

    private static readonly Kind PersistentVolume = new("/api/v1", "persistentvolumes", "PersistentVolume", false, true,
        """{"spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce","ReadOnlyMany"],"persistentVolumeReclaimPolicy":"Retain","storageClassName":"standard","hostPath":{"path":"/data"},"claimRef":{"namespace":"shop","name":"data"}}}""",
        """{"status":{"phase":"Available"}}""");

    private static readonly Kind PersistentVolumeClaim = new("/api/v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, true,
        """{"spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"standard","resources":{"requests":{"storage":"5Gi"}}}}""",
        """{"status":{"phase":"Bound","capacity":{"storage":"5Gi"},"accessModes":["ReadWriteOnce"]}}""");

    private static readonly Kind PodDisruptionBudget = new("/apis/policy/v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true,
        """{"spec":{"maxUnavailable":1,"selector":{"matchLabels":{"app":"web"}}}}""",
        """{"status":{"disruptionsAllowed":2,"currentHealthy":3,"desiredHealthy":2,"expectedPods":3}}""");

    private static readonly Kind HorizontalPodAutoscaler = new("/apis/autoscaling/v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, true,
        """{"spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":2,"maxReplicas":6,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":70}}}]}}""",
        """{"status":{"currentReplicas":3,"desiredReplicas":3,"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":41}}}]}}""");

    private static readonly Kind ValidatingAdmissionPolicy = new("/apis/admissionregistration.k8s.io/v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, true,
        """{"spec":{"failurePolicy":"Fail","matchConstraints":{"resourceRules":[{"apiGroups":["apps"],"apiVersions":["v1"],"operations":["CREATE","UPDATE"],"resources":["deployments"]}]},"validations":[{"expression":"object.spec.replicas <= 5","message":"at most 5 replicas"}]}}""",
        """{"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True","reason":"Checked","message":"","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""");

    private static readonly Kind ValidatingAdmissionPolicyBinding = new("/apis/admissionregistration.k8s.io/v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false, false,
        """{"spec":{"policyName":"replica-limit","validationActions":["Deny"]}}""",
        "");

    public static TheoryData<Kind> Kinds() =>
        [PersistentVolume, PersistentVolumeClaim, PodDisruptionBudget, HorizontalPodAutoscaler, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Create_get_list_watch_patch_and_delete_round_trip(Kind kind)
    {
        using var http = fixture.Http();
        var ns = await Namespace(http);
        var name = "rt-" + Guid.NewGuid().ToString("n")[..8];
        var collection = kind.Collection(ns);

        var created = await Send(http, HttpMethod.Post, collection, ObjectJson(kind, name, ns), "application/json", HttpStatusCode.Created);
        Assert.Equal(kind.KindName, created["kind"]!.GetValue<string>());
        Assert.Equal(kind.ApiVersion, created["apiVersion"]!.GetValue<string>());
        Assert.Equal(Spec(kind).ToJsonString(), created["spec"]!.ToJsonString());
        var startRevision = created["metadata"]!["resourceVersion"]!.GetValue<string>();

        var read = await Send(http, HttpMethod.Get, $"{collection}/{name}", null, null, HttpStatusCode.OK);
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
        var list = await Send(http, HttpMethod.Get, collection, null, null, HttpStatusCode.OK);
        Assert.Equal(kind.KindName + "List", list["kind"]!.GetValue<string>());
        Assert.Contains(list["items"]!.AsArray(), item => item!["metadata"]!["name"]!.GetValue<string>() == name);

        var patched = await Send(http, HttpMethod.Patch, $"{collection}/{name}", """{"metadata":{"labels":{"tier":"gold"}}}""", "application/merge-patch+json", HttpStatusCode.OK);
        Assert.Equal("gold", patched["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        await Send(http, HttpMethod.Delete, $"{collection}/{name}", null, null, HttpStatusCode.OK);
        await Send(http, HttpMethod.Get, $"{collection}/{name}", null, null, HttpStatusCode.NotFound);

        var events = await Watch(http, $"{collection}?watch=true&resourceVersion={startRevision}&fieldSelector=metadata.name%3D{name}", count: 2);
        Assert.Equal(["MODIFIED", "DELETED"], events.Select(e => e["type"]!.GetValue<string>()));
        Assert.Equal("gold", events[0]["object"]!["metadata"]!["labels"]!["tier"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Status_is_written_only_through_the_status_subresource_where_the_kind_has_one(Kind kind)
    {
        using var http = fixture.Http();
        var ns = await Namespace(http);
        var name = "st-" + Guid.NewGuid().ToString("n")[..8];
        var path = $"{kind.Collection(ns)}/{name}";
        await Send(http, HttpMethod.Post, kind.Collection(ns), ObjectJson(kind, name, ns), "application/json", HttpStatusCode.Created);
        if (!kind.HasStatus)
        {
            await Send(http, HttpMethod.Get, path + "/status", null, null, HttpStatusCode.NotFound);
            return;
        }

        var status = JsonNode.Parse(kind.Status)!["status"]!.AsObject();
        var ignored = await Send(http, HttpMethod.Patch, path, kind.Status, "application/merge-patch+json", HttpStatusCode.OK);
        Assert.All(status, field => Assert.Null(ignored["status"]?[field.Key]));

        var written = await Send(http, HttpMethod.Patch, path + "/status", kind.Status, "application/merge-patch+json", HttpStatusCode.OK);
        Assert.All(status, field => Assert.Equal(field.Value!.ToJsonString(), written["status"]![field.Key]!.ToJsonString()));
        var specKept = await Send(http, HttpMethod.Patch, path + "/status", """{"spec":null}""", "application/merge-patch+json", HttpStatusCode.OK);
        Assert.Equal(Spec(kind).ToJsonString(), specKept["spec"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_dry_run_create_answers_the_object_and_stores_nothing(Kind kind)
    {
        using var http = fixture.Http();
        var ns = await Namespace(http);
        var name = "dry-" + Guid.NewGuid().ToString("n")[..8];
        var answered = await Send(http, HttpMethod.Post, kind.Collection(ns) + "?dryRun=All", ObjectJson(kind, name, ns), "application/json", HttpStatusCode.Created);
        Assert.Equal(name, answered["metadata"]!["name"]!.GetValue<string>());
        await Send(http, HttpMethod.Get, $"{kind.Collection(ns)}/{name}", null, null, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1", "persistentvolumes", "PersistentVolume", false, "pv", "status")]
    [InlineData("/api/v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc", "status")]
    [InlineData("/apis/policy/v1", "poddisruptionbudgets", "PodDisruptionBudget", true, "pdb", "status")]
    [InlineData("/apis/autoscaling/v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, "hpa", "status")]
    [InlineData("/apis/admissionregistration.k8s.io/v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, null, "status")]
    [InlineData("/apis/admissionregistration.k8s.io/v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false, null, null)]
    public async Task Legacy_and_aggregated_discovery_and_OpenAPI_list_the_kind(string prefix, string plural, string kind, bool namespaced, string? shortName, string? subresource)
    {
        using var http = fixture.Http();
        var resources = (await Send(http, HttpMethod.Get, prefix, null, null, HttpStatusCode.OK))["resources"]!.AsArray();
        var entry = resources.Single(r => r!["name"]!.GetValue<string>() == plural)!;
        Assert.Equal(kind, entry["kind"]!.GetValue<string>());
        Assert.Equal(namespaced, entry["namespaced"]!.GetValue<bool>());
        string[] shortNames = shortName is null ? [] : [shortName];
        Assert.Equal(shortNames, entry["shortNames"]?.AsArray().Select(s => s!.GetValue<string>()) ?? []);
        Assert.Equal(subresource is not null, resources.Any(r => r!["name"]!.GetValue<string>() == $"{plural}/status"));

        var group = prefix == "/api/v1" ? "" : prefix.Split('/')[2];
        using var aggregatedRequest = new HttpRequestMessage(HttpMethod.Get, group.Length == 0 ? "/api" : "/apis");
        aggregatedRequest.Headers.TryAddWithoutValidation("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        var aggregated = JsonNode.Parse(await (await http.SendAsync(aggregatedRequest)).Content.ReadAsStringAsync())!;
        var served = aggregated["items"]!.AsArray()
            .Single(g => g!["metadata"]!["name"]!.GetValue<string>() == group)!["versions"]!.AsArray()
            .SelectMany(v => v!["resources"]!.AsArray())
            .Single(r => r!["resource"]!.GetValue<string>() == plural)!;
        Assert.Equal(namespaced ? "Namespaced" : "Cluster", served["scope"]!.GetValue<string>());
        Assert.Equal(kind, served["responseKind"]!["kind"]!.GetValue<string>());

        var openApi = await Send(http, HttpMethod.Get, "/openapi/v3" + prefix, null, null, HttpStatusCode.OK);
        var collection = namespaced ? $"{prefix}/namespaces/{{namespace}}/{plural}" : $"{prefix}/{plural}";
        var post = openApi["paths"]![collection]!["post"]!;
        Assert.Equal(kind, post["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains(post["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "dryRun");
        Assert.NotNull(openApi["paths"]![collection + "/{name}"]!["patch"]);
    }

    [Fact]
    public async Task Tables_print_the_columns_kubectl_shows()
    {
        using var http = fixture.Http();
        var ns = await Namespace(http);
        await Send(http, HttpMethod.Post, HorizontalPodAutoscaler.Collection(ns), ObjectJson(HorizontalPodAutoscaler, "web", ns), "application/json", HttpStatusCode.Created);
        await Send(http, HttpMethod.Post, PodDisruptionBudget.Collection(ns), ObjectJson(PodDisruptionBudget, "web", ns), "application/json", HttpStatusCode.Created);
        await Send(http, HttpMethod.Post, PersistentVolumeClaim.Collection(ns), ObjectJson(PersistentVolumeClaim, "data", ns), "application/json", HttpStatusCode.Created);
        await Send(http, HttpMethod.Patch, PersistentVolumeClaim.Collection(ns) + "/data/status", PersistentVolumeClaim.Status, "application/merge-patch+json", HttpStatusCode.OK);

        Assert.Equal(
            ["Name", "Reference", "Targets", "MinPods", "MaxPods", "Replicas", "Age"],
            await Row(http, HorizontalPodAutoscaler.Collection(ns), "web", ["web", "Deployment/web", "cpu: <unknown>/70%", "2", "6", "0"]));
        Assert.Equal(
            ["Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age"],
            await Row(http, PodDisruptionBudget.Collection(ns), "web", ["web", "N/A", "1", "0"]));
        Assert.Equal(
            ["Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode"],
            await Row(http, PersistentVolumeClaim.Collection(ns), "data", ["data", "Bound", "", "5Gi", "RWO", "standard", "<unset>"]));
    }

    [Fact]
    public async Task The_edit_role_writes_autoscalers_and_disruption_budgets_but_not_volumes_or_policies()
    {
        using var admin = fixture.Http();
        var ns = await Namespace(admin);
        await Send(admin, HttpMethod.Post, $"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings",
            """{"metadata":{"name":"orders-edit"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"edit"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"team-orders"}]}""",
            "application/json", HttpStatusCode.Created);
        using var olivia = fixture.Http("olivia");

        await Send(olivia, HttpMethod.Post, HorizontalPodAutoscaler.Collection(ns), ObjectJson(HorizontalPodAutoscaler, "web", ns), "application/json", HttpStatusCode.Created);
        await Send(olivia, HttpMethod.Post, PodDisruptionBudget.Collection(ns), ObjectJson(PodDisruptionBudget, "web", ns), "application/json", HttpStatusCode.Created);
        await Send(olivia, HttpMethod.Post, PersistentVolumeClaim.Collection(ns), ObjectJson(PersistentVolumeClaim, "data", ns), "application/json", HttpStatusCode.Created);
        await Send(olivia, HttpMethod.Patch, PodDisruptionBudget.Collection(ns) + "/web/status", PodDisruptionBudget.Status, "application/merge-patch+json", HttpStatusCode.Forbidden);
        await Send(olivia, HttpMethod.Post, PersistentVolume.Collection(ns), ObjectJson(PersistentVolume, "pv-" + ns, ns), "application/json", HttpStatusCode.Forbidden);
        await Send(olivia, HttpMethod.Post, ValidatingAdmissionPolicy.Collection(ns), ObjectJson(ValidatingAdmissionPolicy, "vap-" + ns, ns), "application/json", HttpStatusCode.Forbidden);
        await Send(olivia, HttpMethod.Get, HorizontalPodAutoscaler.Collection("default"), null, null, HttpStatusCode.Forbidden);
    }

    /// <summary>The table's column names, after checking the named row's leading cells (Age and later are not compared).</summary>
    private static async Task<IEnumerable<string>> Row(HttpClient http, string collection, string name, string[] cells)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, collection);
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;g=meta.k8s.io;v=v1");
        var table = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        var row = table["rows"]!.AsArray().Single(r => r!["cells"]![0]!.GetValue<string>() == name)!["cells"]!.AsArray();
        Assert.Equal(cells, row.Take(cells.Length).Select(c => c is JsonValue v && v.TryGetValue<string>(out var s) ? s : c?.ToJsonString() ?? ""));
        return table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
    }

    private static JsonObject Spec(Kind kind) => (JsonObject)JsonNode.Parse(kind.Body)!["spec"]!;

    private static string ObjectJson(Kind kind, string name, string ns)
    {
        var obj = (JsonObject)JsonNode.Parse(kind.Body)!;
        obj["apiVersion"] = kind.ApiVersion;
        obj["kind"] = kind.KindName;
        obj["metadata"] = kind.Namespaced ? new JsonObject { ["name"] = name, ["namespace"] = ns } : new JsonObject { ["name"] = name };
        return obj.ToJsonString();
    }

    private static async Task<string> Namespace(HttpClient http)
    {
        var name = "kinds-" + Guid.NewGuid().ToString("n")[..10];
        await Send(http, HttpMethod.Post, "/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }.ToJsonString(), "application/json", HttpStatusCode.Created);
        return name;
    }

    private static async Task<JsonObject> Send(HttpClient http, HttpMethod method, string path, string? body, string? mediaType, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType!);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private static async Task<List<JsonObject>> Watch(HttpClient http, string path, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<JsonObject>();
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            events.Add((JsonObject)JsonNode.Parse(line)!);
        }
        return events;
    }
}
