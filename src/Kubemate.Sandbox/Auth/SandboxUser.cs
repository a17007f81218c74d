namespace Kubemate.Sandbox.Auth;

/// <summary>A user the sandbox knows: its bearer token, an optional password for console sign-in, and its groups.</summary>
public sealed record SandboxUser(string Name, IReadOnlyList<string> Groups, string Token, string? Password = null, string? Description = null);
