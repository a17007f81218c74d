using System.Security.Claims;
using Kubemate.Cluster.Connection;
using Kubemate.WebConsole.Session;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kubemate.WebConsole.Tests.Access;

/// <summary>The sandbox with the demo estate and users, reached over HTTP as the console reaches a cluster.</summary>
public sealed class DemoSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public ClusterConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true, SimulateTraffic = false });
        Connection = ClusterConnection.ForEndpoint(Server.Url, Server.Certificates.Authority, Server.Admin.Token);
    }

    /// <summary>A console session signed in as a demo user (alice, olivia, audrey).</summary>
    public ConsoleSession SessionOf(string user)
    {
        var groups = Server.Users.Single(u => u.Name == user).Groups;
        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange(groups.Select(g => new Claim(ConsoleSession.GroupClaim, g)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
        return new ConsoleSession(new SignedIn(principal), Connection);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private sealed class SignedIn(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}

[CollectionDefinition(Name)]
public sealed class DemoSandboxCollection : ICollectionFixture<DemoSandboxFixture>
{
    public const string Name = "demo sandbox";
}
