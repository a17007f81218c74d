using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Host.Tests.Support;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// The OpenAPI document is a contract: the committed file (<see cref="OpenApiFile.Path"/>) is what a running host serves,
/// the client of <c>kubemate</c>'s server mode is generated from it, and it declares every operation completely.
/// Refresh the file after changing the API with <c>KUBEMATE_REFRESH_OPENAPI=1</c> (see docs/rest-api.md).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiDocumentTests(HostFixture host)
{
    private static readonly HashSet<string> Anonymous = ["GET /healthz", "GET /readyz", "GET /api/v1/cluster", "GET /api/v1/version", "POST /api/v1/session"];

    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        using var client = ApiClient.Anonymous(host.Url);
        var served = OpenApiFile.Normalize(await client.Http.GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable(OpenApiFile.RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(OpenApiFile.Path, served);
        }
        var committed = OpenApiFile.Normalize(await File.ReadAllTextAsync(OpenApiFile.Path));
        Assert.True(served == committed,
            $"the API changed but {OpenApiFile.Path} did not: run the host tests with {OpenApiFile.RefreshVariable}=1, review the diff, rebuild (the client is generated from the file)");
    }

    [Fact]
    public async Task The_committed_document_reads_without_errors_and_declares_every_operation_completely()
    {
        await using var stream = File.OpenRead(OpenApiFile.Path);
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
        Assert.Equal(["bearerToken", "csrfHeader", "sessionCookie"], document.Components!.SecuritySchemes!.Keys.Order(StringComparer.Ordinal));
        var problems = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                operations++;
                problems.AddRange(Check($"{method.Method.ToUpperInvariant()} {path}", path, method, operation));
            }
        }
        Assert.True(operations >= 22, $"only {operations} operations");
        Assert.Empty(problems);
    }

    private static IEnumerable<string> Check(string name, string path, HttpMethod method, OpenApiOperation operation)
    {
        var parameters = operation.Parameters ?? [];
        foreach (var segment in path.Split('/').Where(s => s.StartsWith('{')))
        {
            var parameter = parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && "{" + p.Name + "}" == segment);
            if (parameter?.Schema?.Type is null)
            {
                yield return $"{name}: path parameter {segment} is not declared with a type";
            }
        }
        foreach (var parameter in parameters.Where(p => p.Schema?.Type is null))
        {
            yield return $"{name}: parameter {parameter.Name} has no type";
        }
        var takesBody = method == HttpMethod.Post && name is not ("POST /api/v1/audit/verify");
        if (takesBody && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) != true)
        {
            yield return $"{name}: no application/json request body";
        }
        if (operation.RequestBody?.Content?.Values.Any(c => c.Schema is null) == true)
        {
            yield return $"{name}: a request body without a schema";
        }
        var responses = operation.Responses ?? [];
        if (!responses.Keys.Any(k => k.StartsWith('2')))
        {
            yield return $"{name}: no success status";
        }
        foreach (var (status, response) in responses.Where(r => r.Key != "204"))
        {
            if (response.Content is not { Count: > 0 } content || content.Values.Any(c => c.Schema is null))
            {
                yield return $"{name}: response {status} has no schema";
            }
        }
        // Changing calls are rate-limited per user, sign-in per name and address: both answer 429.
        if (method != HttpMethod.Get && !responses.ContainsKey("429"))
        {
            yield return $"{name}: the 429 of a rate-limited call is not declared";
        }
        if (Anonymous.Contains(name))
        {
            yield break;
        }
        if (operation.Security is not { Count: 2 })
        {
            yield return $"{name}: security is not the session cookie or a bearer token";
        }
        if (!responses.ContainsKey("401"))
        {
            yield return $"{name}: the 401 of an unauthenticated call is not declared";
        }
    }
}

/// <summary>The committed OpenAPI document and how it is compared.</summary>
internal static class OpenApiFile
{
    public const string RefreshVariable = "KUBEMATE_REFRESH_OPENAPI";

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), "src", "Kubemate.Host", "openapi", "kubemate-v1.json");

    /// <summary>Indented, with a final newline, so that the file diffs well and formatting never counts as drift.</summary>
    public static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Kubemate.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no Kubemate.slnx above {AppContext.BaseDirectory}");
    }
}
