using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

/// <summary>Every endpoint answers bad input with a problem-details 4xx naming the field, before touching the cluster.</summary>
[Collection(HostCollection.Name)]
public sealed class BadInputTests(HostFixture host)
{
    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        { "POST", "/api/v1/session", """{"username": "alice", """, 400, "body" },
        { "POST", "/api/v1/session", """["alice"]""", 400, "body" },
        { "POST", "/api/v1/session", """{"username": "alice"}""", 400, "password" },
        { "POST", "/api/v1/session", """{"user": "alice", "password": "x"}""", 400, "user" },
        { "POST", "/api/v1/namespaces/web/mesh/plan", """{"enable": tru}""", 400, "body" },
        { "POST", "/api/v1/namespaces/web/mesh/plan", """{}""", 400, "enable" },
        { "POST", "/api/v1/namespaces/web/mesh/plan", """{"enable": "yes"}""", 400, "enable" },
        { "POST", "/api/v1/namespaces/no-such-namespace/mesh/plan", """{"enable": true}""", 404, "namespace" },
        { "POST", "/api/v1/namespaces/" + new string('a', 64) + "/mesh", """{"enable": true}""", 400, "namespace" },
        { "POST", "/api/v1/namespaces/Web/mesh", """{"enable": true}""", 400, "namespace" },
        { "POST", "/api/v1/namespaces/no-such-namespace/mesh", """{"enable": true}""", 404, "namespace" },
        { "POST", "/api/v1/namespaces/web/mesh", """{"enable": true, "workload": "pod/frontend"}""", 400, "workload" },
        { "POST", "/api/v1/namespaces/web/mesh", """{"enable": true, "workload": "deployment/Frontend"}""", 400, "workload" },
        { "POST", "/api/v1/namespaces/web/mesh", """{"enable": true, "maxConcurrency": 0}""", 400, "maxConcurrency" },
        { "GET", "/api/v1/namespaces/" + new string('a', 64) + "/mesh", "", 400, "namespace" },
        { "GET", "/api/v1/namespaces/no-such-namespace/mesh", "", 404, "namespace" },
        { "GET", "/api/v1/operations/unknown", "", 404, "id" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [}""", 400, "body" },
        { "POST", "/api/v1/changesets/preview", """{}""", 400, "objects" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"namespace": "default"}}]}""", 400, "objects[0].metadata.name" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "v1", "metadata": {"name": "x", "namespace": "default"}}]}""", 400, "objects[0].kind" },
        { "POST", "/api/v1/changesets/preview", "{\"objects\": [{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"" + new string('n', 254) + "\", \"namespace\": \"default\"}}]}", 400, "objects[0].metadata.name" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "namespace": "no-such-namespace"}}]}""", 404, "objects[0].metadata.namespace" },
        { "POST", "/api/v1/changesets/preview", """{"yaml": "kind: [unclosed"}""", 400, "yaml" },
        { "POST", "/api/v1/changesets/preview", """{"yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: default}\n"}""", 400, "yaml[0].metadata.name" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [], "deletes": [{"kind": "ConfigMap", "name": "x"}]}""", 400, "deletes[0].apiVersion" },
        { "POST", "/api/v1/changesets/apply", """{"previewId": "nope"}""", 404, "previewId" },
        { "POST", "/api/v1/changesets/apply", """{"yaml": "apiVersion: v1", "force": "true"}""", 400, "force" },
        { "POST", "/api/v1/changesets/apply", """{"objects": [], "dryRun": true}""", 400, "dryRun" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "team:orders", "namespace": "default"}}]}""", 400, "objects[0].metadata.name" },
        { "POST", "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "team/orders"}}]}""", 400, "objects[0].metadata.name" },
        { "GET", "/api/v1/audit?since=yesterday", "", 400, "since" },
        { "GET", "/api/v1/audit?limit=0", "", 400, "limit" },
        { "GET", "/api/v1/audit?namespace=Not_A_Namespace", "", 400, "namespace" },
        { "GET", "/api/v1/audit?colour=blue", "", 400, "colour" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_changes_nothing(string method, string path, string body, int status, string field)
    {
        using var admin = host.Admin();
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var client = await host.SignInAsync("alice");
        var auditBefore = (await client.GetJsonAsync("/api/v1/audit?limit=1")).AsArray().FirstOrDefault()?["sequence"]?.GetValue<long>();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            request.Headers.Add("X-CSRF-Token", client.CsrfToken);
        }
        using var response = await client.Http.SendAsync(request);
        var problem = await Json.ProblemAsync(response, (HttpStatusCode)status, field);
        Assert.False(string.IsNullOrWhiteSpace(problem["errors"]![field]![0]!.GetValue<string>()));
        if (field == "body")
        {
            Assert.Matches("line [0-9]+, position [0-9]+|JSON object", problem["errors"]!["body"]![0]!.GetValue<string>());
        }
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
        if (!path.Contains("changesets/preview", StringComparison.Ordinal) || status != 404)
        {
            var auditAfter = (await client.GetJsonAsync("/api/v1/audit?limit=1")).AsArray().FirstOrDefault()?["sequence"]?.GetValue<long>();
            Assert.Equal(auditBefore, auditAfter);
        }
    }

    [Fact]
    public async Task Rbac_roles_and_bindings_may_have_names_with_colons_as_on_kubernetes()
    {
        using var client = await host.SignInAsync("alice");
        using var preview = await client.PostAsync("/api/v1/changesets/preview", new System.Text.Json.Nodes.JsonObject
        {
            ["objects"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1",
                ["kind"] = "ClusterRole",
                ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "system:kubemate-readers" },
                ["rules"] = new System.Text.Json.Nodes.JsonArray(),
            }),
        });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }
}
