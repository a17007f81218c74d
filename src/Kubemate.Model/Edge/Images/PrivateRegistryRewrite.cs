using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Images;

/// <summary>
/// Points every image at a private registry for air-gapped estates: <c>cr.l5d.io/linkerd/proxy:v1</c> becomes
/// <c>&lt;registry&gt;/linkerd/proxy:v1</c>; tags and digests are kept.
/// </summary>
public sealed record PrivateRegistryRewrite : IValidatable
{
    /// <summary>Host (and optional port and path), such as <c>registry.bank.internal:5000/mirror</c>.</summary>
    public required string Registry { get; init; }

    /// <summary>Keep an explicit source registry host as the first path segment (<c>&lt;registry&gt;/cr.l5d.io/linkerd/proxy</c>), for mirrors that keep them apart.</summary>
    public bool KeepSourceRegistryInPath { get; init; }

    /// <summary>Image prefixes left untouched (already mirrored elsewhere).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var registryPath = FieldPath.Child(path, "registry");
        if (string.IsNullOrEmpty(Registry))
        {
            yield return new(registryPath, "is required");
            yield break;
        }
        if (Registry.Contains("://", StringComparison.Ordinal))
        {
            yield return new(registryPath, $"\"{Registry}\" must be a registry host, without a scheme");
            yield break;
        }
        var parts = Registry.TrimEnd('/').Split('/');
        var host = parts[0];
        var colon = host.LastIndexOf(':');
        var hostName = colon < 0 ? host : host[..colon];
        if (!EdgeSyntax.IsHostName(hostName.ToLowerInvariant()) && !EdgeSyntax.IsIpAddress(hostName))
        {
            yield return new(registryPath, $"\"{hostName}\" is not a registry host name");
        }
        if (colon >= 0 && !(int.TryParse(host[(colon + 1)..], out var port) && EdgeSyntax.IsPortNumber(port)))
        {
            yield return new(registryPath, $"\"{host[(colon + 1)..]}\" is not a port number");
        }
        foreach (var segment in parts.Skip(1))
        {
            if (segment.Length == 0 || !segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
            {
                yield return new(registryPath, $"path segment \"{segment}\" must be lower-case letters, digits, '.', '_' or '-'");
            }
        }
    }
}
