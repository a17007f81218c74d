namespace Kubemate.Sandbox.Auth;

/// <summary>Who a request is from, after authentication and impersonation.</summary>
public sealed record SandboxIdentity(string Name, IReadOnlyList<string> Groups)
{
    public const string MastersGroup = "system:masters";
    public const string AuthenticatedGroup = "system:authenticated";

    /// <summary>The groups every authenticated user carries in addition to their own.</summary>
    public IReadOnlyList<string> EffectiveGroups =>
        Groups.Contains(AuthenticatedGroup) ? Groups : [.. Groups, AuthenticatedGroup];
}
