using System.Text.RegularExpressions;
using CsCheck;
using Kubemate.Testing.BadInput;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>
/// Generated bad files (<see cref="BadDocuments"/>) given to <c>kubemate apply -f</c> (exit 2, bad usage: nothing is
/// sent) and <c>kubemate render -f</c> (exit 1, invalid model input, as docs/cli-operations.md gives): standard error
/// names the member or the limit, standard output is empty, and nothing was created (the object read back through
/// the sandbox's API after each file, and with kubectl at the end). The demo estate's controllers keep writing, so the
/// store's revision is no measure here.
/// </summary>
public sealed class BadFileCorpusTests(DemoSandbox sandbox) : IClassFixture<DemoSandbox>, IDisposable
{
    private const string ProbeName = "corpus-probe";

    private readonly TempDirectory _files = new();

    private static readonly BadDocumentSpec ConfigMap = new(
        new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = ProbeName, ["namespace"] = "orders" },
            ["data"] = new System.Text.Json.Nodes.JsonObject { ["k"] = "v" },
        },
        ["apiVersion", "kind", "metadata", "metadata.name", "metadata.namespace"],
        ["apiVersion", "kind", "metadata.name", "metadata.namespace", "data.k"],
        "metadata.name", long.MaxValue,
        [Mutation.WrongType, Mutation.Truncated, Mutation.InvalidUtf8, Mutation.LoneSurrogate, Mutation.Deep, Mutation.DuplicateKey, Mutation.BadName, Mutation.AliasBomb]);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Generated_bad_manifests_and_model_files_are_refused_naming_the_field_or_limit_and_change_nothing()
    {
        var audit = sandbox.NewAuditStore();
        using var api = new HttpClient(sandbox.Server.Certificates.CreateTrustingHandler()) { BaseAddress = sandbox.Server.Url };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sandbox.Server.Admin.Token);
        var cases = Gen.OneOf(
            BadDocuments.Of(ConfigMap).Select(d => ("apply", d)),
            BadDocuments.Of(ModelFileDocuments.TrafficSplit).Select(d => ("render", d)));

        await cases.SampleAsync(async (verb, document) =>
        {
            var file = _files.File($"{Guid.NewGuid():n}.yaml");
            await File.WriteAllBytesAsync(file, document.Bytes);
            string[] args = verb == "apply" ? ["apply", "-f", file, .. sandbox.As("alice", audit)] : ["render", "-f", file];

            var result = await Cli.RunAsync(args);

            Assert.True(result.ExitCode == (verb == "apply" ? 2 : 1), $"{verb} {document}: {result}");
            Assert.Equal("", result.StdOut);
            Assert.True(Regex.IsMatch(result.StdErr, document.Mentions, RegexOptions.IgnoreCase), $"{verb} {document}: standard error names neither {document.Mentions}:\n{result.StdErr}");
            using var probe = await api.GetAsync($"/api/v1/namespaces/orders/configmaps/{ProbeName}");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, probe.StatusCode);
        }, iter: BadInputRuns.Iterations, threads: 1);

        var get = await sandbox.Kubectl.RunAsync("--context", "kubemate-sandbox", "get", "configmap", ProbeName, "-n", "orders");
        Assert.Contains("NotFound", get.StdErr);
    }
}
