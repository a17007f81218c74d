using System.Reflection;
using NetArchTest.Rules;

namespace Kubemate.Architecture.Tests;

/// <summary>
/// The layering of docs/architecture.md, checked on the built assemblies: a change that breaks a rule fails here,
/// naming the types that break it.
/// </summary>
public sealed class LayerRulesTests
{
    private static readonly string[] PureProjects =
        ["Kubemate.ApiMachinery", "Kubemate.Schema", "Kubemate.Model", "Kubemate.Drivers.Linkerd", "Kubemate.Drivers.Istio", "Kubemate.Renderers",
         "Kubemate.Modeling"];

    public static TheoryData<string> Pure() => new(PureProjects);

    [Theory]
    [MemberData(nameof(Pure))]
    public void Model_drivers_and_renderers_reference_neither_asp_net_nor_the_kubernetes_client_nor_cluster_access(string project)
    {
        AssertNone(Types.InAssembly(Load(project)).Should().NotHaveDependencyOnAny("Microsoft.AspNetCore", "k8s", "Kubemate.Cluster").GetResult(), project);
    }

    [Fact]
    public void The_modeling_library_knows_neither_the_command_line_nor_the_application_layer_that_offers_it()
    {
        AssertNone(Types.InAssembly(Load("Kubemate.Modeling")).Should()
            .NotHaveDependencyOnAny("System.CommandLine", "Kubemate.Application", "Kubemate.Host", "Kubemate.WebConsole").GetResult(), "Kubemate.Modeling");
    }

    [Fact]
    public void Only_cluster_access_and_the_sandbox_use_the_kubernetes_client_directly()
    {
        foreach (var project in new[] { "Kubemate.Application", "Kubemate.Telemetry", "Kubemate.Audit", "Kubemate.Host", "Kubemate.WebConsole", "Kubemate" })
        {
            AssertNone(Types.InAssembly(Load(project)).Should().NotHaveDependencyOn("k8s").GetResult(), project);
        }
    }

    [Fact]
    public void The_application_layer_knows_no_surface()
    {
        AssertNone(Types.InAssembly(Load("Kubemate.Application")).Should()
            .NotHaveDependencyOnAny("Microsoft.AspNetCore", "MudBlazor", "System.CommandLine", "Kubemate.Host", "Kubemate.WebConsole").GetResult(), "Kubemate.Application");
    }

    [Fact]
    public void The_console_and_the_rest_api_do_not_run_use_cases_or_writes_of_their_own()
    {
        foreach (var project in new[] { "Kubemate.Host", "Kubemate.WebConsole" })
        {
            // Mesh runs go through MeshSwitch and the registry; writes through the application's services.
            AssertNone(Types.InAssembly(Load(project)).Should().NotHaveDependencyOnAny(
                "Kubemate.Application.Onboarding.MeshOnboarding", "Kubemate.Cluster.Apply.ApplyEngine", "Kubemate.Cluster.Objects.NamespaceNames",
                "Kubemate.Application.Onboarding.MeshStatusReader").GetResult(), project);
        }
    }

    [Fact]
    public void The_console_does_not_reach_the_rest_api_s_code_nor_the_other_way_round()
    {
        AssertNone(Types.InAssembly(Load("Kubemate.WebConsole")).Should().NotHaveDependencyOn("Kubemate.Host").GetResult(), "Kubemate.WebConsole");
        AssertNone(Types.InAssembly(Load("Kubemate.Host")).Should().NotHaveDependencyOn("Kubemate.WebConsole").GetResult(), "Kubemate.Host");
    }

    [Fact]
    public void A_rule_that_is_broken_is_reported_with_the_types_that_break_it()
    {
        // The check itself: the host does depend on ASP.NET, so forbidding it must fail and name types.
        var result = Types.InAssembly(Load("Kubemate.Host")).Should().NotHaveDependencyOn("Microsoft.AspNetCore").GetResult();

        Assert.False(result.IsSuccessful);
        Assert.NotEmpty(result.FailingTypeNames);
    }

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static void AssertNone(TestResult result, string project) =>
        Assert.True(result.IsSuccessful, $"{project}: these types break the rule: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
