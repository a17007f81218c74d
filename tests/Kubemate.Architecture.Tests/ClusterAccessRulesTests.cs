using System.Reflection;
using Kubemate.Cluster.Http;
using NetArchTest.Rules;

namespace Kubemate.Architecture.Tests;

/// <summary>
/// Only Kubemate.Cluster (and the sandbox, which is an API server) speaks Kubernetes REST: requests by path are
/// internal to it, and a type elsewhere that uses cluster access names no HTTP method, so every write another
/// project causes is one of Cluster's named methods (docs/architecture.md, "One way to the cluster").
/// </summary>
public sealed class ClusterAccessRulesTests
{
    private const string RawRequests = "Kubemate.Cluster.Http.ClusterRequests";

    private static readonly string[] OutsideCluster =
    [
        "Kubemate.ApiMachinery", "Kubemate.Schema", "Kubemate.Model", "Kubemate.Drivers.Linkerd", "Kubemate.Drivers.Istio", "Kubemate.Renderers",
        "Kubemate.Application", "Kubemate.Telemetry", "Kubemate.Audit", "Kubemate.Host", "Kubemate.WebConsole", "Kubemate.Client", "Kubemate",
    ];

    public static TheoryData<string> Projects() => new(OutsideCluster);

    [Fact]
    public void Requests_by_path_are_internal_to_cluster_access()
    {
        var clusterAccess = typeof(ClusterApi).Assembly;
        var raw = clusterAccess.GetType(RawRequests);

        Assert.NotNull(raw);
        Assert.False(raw.IsPublic, $"{RawRequests} must stay internal: other projects read and write through the typed accessors");
        var publicPathMethods = clusterAccess.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(string) && p.Name == "path") && m.GetParameters().Any(p => p.ParameterType == typeof(HttpMethod)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(publicPathMethods.Count == 0, $"public methods that send an HTTP method to a path: {string.Join(", ", publicPathMethods)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_project_but_cluster_access_sends_requests_by_path(string project)
    {
        AssertNone(Types.InAssembly(Load(project)).Should().NotHaveDependencyOn(RawRequests).GetResult(), project);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_type_that_uses_cluster_access_names_no_http_method_so_only_cluster_access_sends_writes(string project)
    {
        // With the Kubernetes client forbidden outside Kubemate.Cluster (LayerRulesTests) and requests by path internal,
        // an HttpMethod next to cluster access could only be a write being assembled by hand.
        AssertNone(Types.InAssembly(Load(project)).That().HaveDependencyOn("Kubemate.Cluster")
            .Should().NotHaveDependencyOn("System.Net.Http.HttpMethod").GetResult(), project);
    }

    [Fact]
    public void The_write_rule_notices_a_type_that_pairs_cluster_access_with_an_http_method()
    {
        // Cluster access itself pairs them (its named writes), so the rule, asked of it, must fail and name types.
        var result = Types.InAssembly(typeof(ClusterApi).Assembly).That().HaveDependencyOn("Kubemate.Cluster")
            .Should().NotHaveDependencyOn("System.Net.Http.HttpMethod").GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, name => name.StartsWith("Kubemate.Cluster.Objects.ObjectWrites", StringComparison.Ordinal));
    }

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static void AssertNone(TestResult result, string project) =>
        Assert.True(result.IsSuccessful, $"{project}: these types break the rule: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
