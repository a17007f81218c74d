namespace Kubemate.Renderers.Images;

/// <summary>
/// A container image reference split the way container runtimes read it: an optional registry host (a first segment
/// with '.' or ':' or named localhost), the repository path, an optional tag and an optional digest.
/// </summary>
public sealed record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        var rest = image;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && rest[..slash] is var first && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            return new ImageReference(first, rest[(slash + 1)..], tag, digest);
        }
        // Images without a registry come from the default one, whose one-segment names live under "library/".
        return new ImageReference(null, slash < 0 ? "library/" + rest : rest, tag, digest);
    }

    public override string ToString() =>
        (Registry is null ? "" : Registry + "/") + Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);
}
