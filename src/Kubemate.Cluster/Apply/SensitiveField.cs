namespace Kubemate.Cluster.Apply;

/// <summary>How the values sit in a sensitive field.</summary>
public enum SensitiveShape
{
    /// <summary>A map whose every value is secret (a Secret's <c>data</c>); the keys are not.</summary>
    MapValues,

    /// <summary>A list of <c>user:credential</c> strings (htpasswd lines); the part after the last ':' is secret.</summary>
    CredentialLines,
}

/// <summary>One field that holds values nobody but the cluster should read, and what to do instead of exporting it.</summary>
/// <param name="Group">The API group, "" for core.</param>
/// <param name="Path">Dot-separated path from the object's root, e.g. <c>spec.basicAuth.users</c>.</param>
public sealed record SensitiveField(string Group, string Kind, string Path, SensitiveShape Shape, string Advice)
{
    public IReadOnlyList<string> Segments { get; } = Path.Split('.');
}
