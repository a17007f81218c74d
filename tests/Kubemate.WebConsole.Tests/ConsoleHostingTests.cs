using Kubemate.WebConsole.Session;
using Kubemate.WebConsole.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kubemate.WebConsole.Tests;

public sealed class ConsoleHostingTests
{
    [Fact]
    public void An_abandoned_tab_holds_its_circuit_for_a_minute_not_the_frameworks_three()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddKubemateConsole();
        using var app = builder.Build();

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(50, circuits.DisconnectedCircuitMaxRetained);
    }

    [Fact]
    public void Sessions_and_topology_positions_are_one_per_circuit()
    {
        var registrations = new ServiceCollection().AddKubemateConsole();

        Assert.Equal(ServiceLifetime.Scoped, registrations.Single(r => r.ServiceType == typeof(ConsoleSession)).Lifetime);
        Assert.Equal(ServiceLifetime.Scoped, registrations.Single(r => r.ServiceType == typeof(TopologyPositions)).Lifetime);
    }
}
