using System.Security.Claims;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Application;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kubemate.WebConsole.Session;

/// <summary>
/// The signed-in user of one circuit and the cluster client that impersonates them, so every read and write the
/// console makes is one Kubernetes RBAC allows that user.
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, ClusterConnection connection, ConsoleOptions? options = null) : IDisposable
{
    public const string GroupClaim = "kubemate/group";

    private ClusterApi? _api;
    private UserIdentity? _user;

    /// <summary>The browser's address as the first request of the circuit saw it (set by the router).</summary>
    public string SourceAddress { get; set; } = "unknown";

    /// <summary>The cluster's name as the host's REST API records it in the audit trail.</summary>
    public string ClusterName => options?.ClusterName ?? connection.Description;

    public string ClusterMode => options?.ClusterMode ?? "sandbox";

    /// <summary>How Kubemate reaches the cluster (never a secret), for the header's tooltip.</summary>
    public string ConnectionDescription => connection.Description;

    public async Task<UserIdentity> UserAsync()
    {
        if (_user is null)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            _user = ToUserIdentity(state.User);
        }
        return _user;
    }

    /// <summary>The client for the user; kept for the circuit's lifetime.</summary>
    public async Task<ClusterApi> ApiAsync()
    {
        var user = await UserAsync();
        return _api ??= connection.CreateApi(user);
    }

    public async Task<OperationContext> OperationContextAsync() => new(await UserAsync(), SourceAddress, ClusterName);

    public static UserIdentity ToUserIdentity(ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(ClaimTypes.Name);
        if (principal.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(name))
        {
            throw new InvalidOperationException("the console session is not signed in");
        }
        return new UserIdentity(name, principal.FindAll(GroupClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList());
    }

    public void Dispose() => _api?.Dispose();
}
