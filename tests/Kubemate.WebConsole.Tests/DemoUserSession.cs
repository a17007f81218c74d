using System.Security.Claims;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Connection;
using Kubemate.Sandbox;
using Kubemate.WebConsole.Session;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kubemate.WebConsole.Tests;

/// <summary>A console session signed in as one of the sandbox's demo users (alice, olivia, audrey), with that user's groups.</summary>
public static class DemoUserSession
{
    public static ConsoleSession For(SandboxServer server, ClusterConnection connection, UserClusters clusters, string user)
    {
        var groups = server.Users.Single(u => u.Name == user).Groups;
        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange(groups.Select(g => new Claim(KubemateClaims.Group, g)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
        return new ConsoleSession(new SignedIn(principal), connection);
    }

    private sealed class SignedIn(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
