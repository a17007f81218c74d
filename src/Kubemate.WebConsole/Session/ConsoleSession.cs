using Kubemate.Application;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kubemate.WebConsole.Session;

/// <summary>
/// The signed-in user of one circuit, as the application layer knows users: every service the pages call acts as
/// this identity (impersonated), so what the console shows and does is what Kubernetes RBAC allows that user.
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, ClusterConnection connection, ConsoleOptions? options = null)
{
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
            _user = state.User.ToUserIdentity();
        }
        return _user;
    }

    public async Task<OperationContext> OperationContextAsync() => new(await UserAsync(), SourceAddress, ClusterName);
}
