using System.Net;
using Kubemate.ApiMachinery.Json;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// A body nested deeper than <see cref="JsonLimits.MaxDepth"/> (JSON, or YAML inside <c>yaml</c>) is a 400 problem
/// naming the member that holds it and the limit, never a 500; the host stays up and the cluster is unchanged. Where a
/// string or an object is expected, the first bracket is already the wrong type: whether the reader meets the limit first (reading the value ahead) or the
/// wrong type, the problem names the member.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DeepBodyTests(HostFixture host)
{
    private static readonly string Deep = new string('[', 100_000) + new string(']', 100_000);
    private static readonly string Limit = $"limit of {JsonLimits.MaxDepth} levels";
    private static readonly string LimitOrWrongType = $"{Limit}|has the wrong type|must be";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "/api/v1/session", $$"""{"username": {{Deep}}, "password": "x"}""", "username", LimitOrWrongType },
        { "/api/v1/namespaces/web/mesh/plan", $$"""{"enable": {{Deep}}}""", "enable", LimitOrWrongType },
        { "/api/v1/namespaces/web/mesh", $$"""{"enable": true, "workload": {{Deep}}}""", "workload", LimitOrWrongType },
        { "/api/v1/changesets/preview", $$"""{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "deep", "namespace": "default"}, "x": {{Deep}}}]}""", "objects", Limit },
        { "/api/v1/changesets/apply", $$"""{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "deep", "namespace": "default"}, "x": {{Deep}}}]}""", "objects", Limit },
        { "/api/v1/changesets/preview", Deep, "body", LimitOrWrongType },
        { "/api/v1/changesets/apply", $$"""{"yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: default}\nx: {{Deep}}\n"}""", "yaml", Limit },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_body_nested_100000_levels_is_400_naming_the_field_and_the_limit(string path, string body, string field, string reason)
    {
        using var admin = host.Admin();
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var client = await host.SignInAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", client.CsrfToken);

        using var response = await client.Http.SendAsync(request);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Matches(reason, problem["errors"]![field]![0]!.GetValue<string>());
        using var version = await client.Http.GetAsync("/api/v1/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
    }
}
