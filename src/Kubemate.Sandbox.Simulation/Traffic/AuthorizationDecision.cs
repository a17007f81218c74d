namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// What a meshed callee's proxy decided for an inbound request: the server (default policy or a Server) and,
/// when allowed, the authorization that allowed it; the <c>srv_*</c>/<c>authz_*</c> labels of its metrics.
/// </summary>
public sealed record AuthorizationDecision(bool Allowed, string ServerKind, string ServerName, string? AuthzKind, string? AuthzName);
