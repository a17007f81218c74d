using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Kubemate.Cluster.Http;
using Kubemate.Host.Tests.Support;
using Kubemate.Testing.BadInput;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// Generated bad input (<see cref="BadDocuments"/>) for each body the REST API reads: every one is a 4xx problem
/// whose text names the member or the limit, the host answers the next request, and the cluster is unchanged. The
/// hand-written cases are in <see cref="BadInputTests"/>, <see cref="DeepBodyTests"/> and <see cref="TextEncodingTests"/>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BadInputCorpusTests(HostFixture host)
{
    private const string ProbeName = "corpus-probe";

    private static readonly Mutation[] JsonMutations =
        [Mutation.WrongType, Mutation.Truncated, Mutation.InvalidUtf8, Mutation.LoneSurrogate, Mutation.Deep, Mutation.DuplicateKey, Mutation.UnknownField, Mutation.Oversized];

    private static readonly BadDocumentSpec SignIn = new(
        new JsonObject { ["username"] = "alice", ["password"] = "alice-demo" }, ["username", "password"], ["username", "password"], null,
        KubemateHost.MaxRequestBodyBytes, JsonMutations);

    private static readonly BadDocumentSpec MeshPlan = new(
        new JsonObject { ["enable"] = true, ["workload"] = "deployment/frontend" }, ["enable", "workload"], ["workload"], null,
        KubemateHost.MaxRequestBodyBytes, JsonMutations);

    /// <summary>A ConfigMap inside a change set; its unknown members are the cluster's to judge, so none is added.</summary>
    public static readonly BadDocumentSpec ConfigMap = new(
        new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = ProbeName, ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = "corpus" } },
            ["data"] = new JsonObject { ["k"] = "v" },
        },
        ["apiVersion", "kind", "metadata", "metadata.name", "metadata.namespace"],
        ["apiVersion", "kind", "metadata.name", "metadata.namespace", "metadata.labels.app", "data.k"],
        "metadata.name", KubemateHost.MaxRequestBodyBytes,
        [.. JsonMutations.Where(m => m != Mutation.UnknownField), Mutation.BadName]);

    [Fact]
    public async Task Generated_bad_bodies_are_4xx_naming_the_field_or_limit_and_change_nothing()
    {
        using var admin = host.Admin();
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var client = await host.SignInAsync("alice");
        var cases = Gen.OneOf(
            BadDocuments.Of(SignIn).Select(d => ("/api/v1/session", d, d.Bytes)),
            BadDocuments.Of(MeshPlan).Select(d => ("/api/v1/namespaces/web/mesh/plan", d, d.Bytes)),
            BadDocuments.Of(ConfigMap).Select(d => ("/api/v1/changesets/apply", d, Wrap("{\"objects\": [", d.Bytes, "]}"))),
            BadDocuments.Of(ConfigMap with { Mutations = [.. ConfigMap.Mutations, Mutation.AliasBomb] })
                .Select(d => ("/api/v1/changesets/apply", d, Wrap("{\"yaml\": \"", JsonStringBytes(d.Bytes), "\"}"))));

        await cases.SampleAsync(async (path, document, body) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-CSRF-Token", client.CsrfToken);
            // As curl does for a large body: a body over the limit is refused before it is sent, not cut off midway.
            request.Headers.ExpectContinue = true;
            using var response = await client.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path} {document}: {(int)response.StatusCode} {text}");
            Assert.True(Regex.IsMatch(text, document.Mentions, RegexOptions.IgnoreCase), $"{path} {document}: the answer names neither {document.Mentions}: {text}");
            using var version = await client.GetAsync("/api/v1/version");
            Assert.Equal(HttpStatusCode.OK, version.StatusCode);
            var probe = await admin.SendAsync(HttpMethod.Get, "api/v1/namespaces/default/configmaps", null, null, default);
            Assert.DoesNotContain(probe["items"]!.AsArray(), i => (string?)i!["metadata"]!["name"] == ProbeName);
        }, iter: BadInputRuns.Iterations, threads: 1);

        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
    }

    private static byte[] Wrap(string before, byte[] inner, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. inner, .. Encoding.UTF8.GetBytes(after)];

    /// <summary>The bytes as the inside of a JSON string: quotes, backslashes and control bytes escaped, other bytes (bad ones too) as they are.</summary>
    private static byte[] JsonStringBytes(byte[] raw)
    {
        var escaped = new List<byte>(raw.Length + 16);
        foreach (var b in raw)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                escaped.Add((byte)'\\');
                escaped.Add(b);
            }
            else if (b < 0x20)
            {
                escaped.AddRange(Encoding.ASCII.GetBytes($"\\u{b:x4}"));
            }
            else
            {
                escaped.Add(b);
            }
        }
        return [.. escaped];
    }
}
