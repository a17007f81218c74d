namespace Kubemate.Architecture.Tests;

/// <summary>
/// Kubernetes paths are built only in Kubemate.Cluster (from discovery's ResourceType) and in the sandbox, which is
/// an API server: every other C# and Razor file under src/ is scanned for a Kubernetes path literal.
/// </summary>
public sealed class PathLiteralScanTests
{
    [Fact]
    public void No_source_outside_cluster_access_and_the_sandbox_writes_a_kubernetes_path()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(f) && !IsAllowed(Path.GetRelativePath(src, f)))
            .ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(f => KubernetesPathLiterals.Find(File.ReadAllText(f))
            .Select(hit => $"{Path.GetRelativePath(RepoPaths.Root, f)}:{hit.Line}: {hit.Text}")).ToList();

        Assert.True(found.Count == 0, "Kubernetes paths outside Kubemate.Cluster (use its typed accessors):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("""var pods = await api.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods", null, null, ct);""")]
    [InlineData("""var secret = api.GetOrNullAsync($"/api/v1/namespaces/{ns}/secrets/{name}", ct);""")]
    [InlineData("""var all = "api/v1/pods?labelSelector=app%3Dorders";""")]
    [InlineData("""var list = await ListAsync(api, "api/v1/namespaces", ct);""")]
    [InlineData("""var one = $"api/v1/namespaces/{Uri.EscapeDataString(ns)}";""")]
    [InlineData("""var deployments = $"apis/apps/v1/namespaces/{ns}/deployments";""")]
    [InlineData("""var rules = "apis/monitoring.coreos.com/v1/prometheusrules";""")]
    [InlineData("""var group = $"apis/{group}/{version}";""")]
    [InlineData("""var core = $"api/{version}";""")]
    [InlineData("""var scope = $"api/v1/namespaces/{namespaces.First()}/";""")]
    public void The_scan_flags_a_planted_kubernetes_path(string line)
    {
        Assert.Single(KubernetesPathLiterals.Find(line));
    }

    [Theory]
    [InlineData("""var namespaces = app.MapGroup("/api/v1/namespaces").WithTags("namespaces");""")]
    [InlineData("""var mesh = app.MapGroup("/api/v1/namespaces/{ns}/mesh").WithTags("mesh");""")]
    [InlineData("""var plan = $"api/v1/namespaces/{ns}/mesh/plan";""")]
    [InlineData("""var export = $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/canaries/export";""")]
    [InlineData("""var events = $"/api/v1/operations/{run.Id}/events";""")]
    [InlineData("""GetAsync<IReadOnlyList<WorkloadStat>>("api/v1/telemetry/workloads", ns, window, ct);""")]
    [InlineData("""path = "api/v1/query_range";""")]
    [InlineData("""var session = app.MapGroup("/api/v1/session");""")]
    [InlineData("""/// <summary>The API path: <c>/api/v1/namespaces/NS/pods/NAME:PORT/proxy/PATH</c>.</summary>""")]
    public void The_scan_leaves_kubemate_s_own_routes_prometheus_and_comments_alone(string line)
    {
        Assert.Empty(KubernetesPathLiterals.Find(line));
    }

    /// <summary>Kubemate.Cluster, and Kubemate.Sandbox with Kubemate.Sandbox.Simulation (the API server itself).</summary>
    private static bool IsAllowed(string relative)
    {
        var project = relative.Split(Path.DirectorySeparatorChar)[0];
        return project == "Kubemate.Cluster" || project == "Kubemate.Sandbox" || project.StartsWith("Kubemate.Sandbox.", StringComparison.Ordinal);
    }

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin");
}
