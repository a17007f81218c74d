using Kubemate.Model.Injection;

namespace Kubemate.Model.Tests;

public class InjectionValidationTests
{
    [Fact]
    public void Port_lists_take_numbers_and_ranges_and_opaque_ports_also_names()
    {
        var injection = new MeshInjection
        {
            Target = InjectionTarget.ForWorkload("Deployment", "orders", "orders"),
            SkipOutboundPorts = ["5432", "6000-6100"],
            OpaquePorts = ["mysql", "3306"],
        };

        Assert.Empty(injection.Validate());
    }

    [Fact]
    public void Out_of_range_backwards_and_named_skip_ports_are_refused()
    {
        var injection = new MeshInjection
        {
            Target = InjectionTarget.ForWorkload("Pod", "orders", "orders"),
            SkipOutboundPorts = ["70000", "6100-6000", "postgres", "5432", "5432"],
            SkipInboundPorts = ["0"],
            OpaquePorts = ["My_Port"],
        };

        Assert.Equal(
            ["opaquePorts[0]", "skipInboundPorts[0]", "skipOutboundPorts[0]", "skipOutboundPorts[1]", "skipOutboundPorts[2]", "skipOutboundPorts[4]", "target.workloadKind"],
            injection.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_injection_that_sets_nothing_is_refused()
    {
        Assert.Equal("", Assert.Single(new MeshInjection { Target = InjectionTarget.ForNamespace("orders") }.Validate()).Path);
    }
}
