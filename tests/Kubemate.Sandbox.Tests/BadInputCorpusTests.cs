using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Kubemate.Testing.BadInput;

namespace Kubemate.Sandbox.Tests;

/// <summary>
/// Generated bad input (<see cref="BadDocuments"/>) sent to the sandbox as JSON and as YAML: every one is a 4xx
/// Status whose message names the member or the limit, the server answers the next request, and the store is
/// unchanged (its revision, and the object, read back through the API). The hand-written cases are in
/// <see cref="BadInputTests"/> and <see cref="BodyLimitTests"/>.
/// </summary>
public sealed class BadInputCorpusTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string ProbeName = "corpus-probe";

    private static readonly BadDocumentSpec ConfigMap = new(
        new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = ProbeName, ["labels"] = new JsonObject { ["app"] = "corpus" } },
            ["data"] = new JsonObject { ["k"] = "v" },
        },
        ["apiVersion", "kind", "metadata", "metadata.name"],
        ["apiVersion", "kind", "metadata.name", "metadata.labels.app", "data.k"],
        "metadata.name", new SandboxOptions().MaxRequestBytes,
        [Mutation.WrongType, Mutation.Truncated, Mutation.InvalidUtf8, Mutation.LoneSurrogate, Mutation.Deep, Mutation.DuplicateKey, Mutation.BadName, Mutation.Oversized, Mutation.AliasBomb]);

    [Fact]
    public async Task Generated_bad_objects_are_4xx_naming_the_field_or_limit_and_change_nothing()
    {
        using var http = fixture.Http();
        var cases = Gen.Select(BadDocuments.Of(ConfigMap), Gen.Bool);

        await cases.SampleAsync(async (document, yaml) =>
        {
            var before = fixture.Server.Store.Revision;
            using var content = new ByteArrayContent(document.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(yaml || document.Mutation == Mutation.AliasBomb ? "application/yaml" : "application/json");
            using var response = await http.PostAsync("/api/v1/namespaces/default/configmaps", content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{document} as {content.Headers.ContentType}: {(int)response.StatusCode} {text}");
            var status = JsonNode.Parse(text)!;
            Assert.Equal("Status", (string?)status["kind"]);
            Assert.True(Regex.IsMatch(text, document.Mentions, RegexOptions.IgnoreCase), $"{document}: the answer names neither {document.Mentions}: {text}");
            using var probe = await http.GetAsync($"/api/v1/namespaces/default/configmaps/{ProbeName}");
            Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
            Assert.Equal(before, fixture.Server.Store.Revision);
        }, iter: BadInputRuns.Iterations, threads: 1);
    }
}
