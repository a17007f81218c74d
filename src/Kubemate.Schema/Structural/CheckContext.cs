namespace Kubemate.Schema.Structural;

/// <summary>What the keyword checks know about a node's surroundings: inside resource metadata, and whether defaults are forbidden there (and why).</summary>
internal readonly record struct CheckContext(bool InsideResourceMeta, string? DefaultsForbiddenReason)
{
    public static readonly CheckContext Root = new(false, null);
}
