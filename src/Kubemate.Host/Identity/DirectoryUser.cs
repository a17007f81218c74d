namespace Kubemate.Host.Identity;

/// <summary>
/// A user Kubemate can sign in without an identity provider: a sandbox demo user (token and password) or a line
/// of a static token file (token only).
/// </summary>
public sealed record DirectoryUser(string Name, IReadOnlyList<string> Groups, string Token, string? Password = null);
