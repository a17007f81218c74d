using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Apply;

/// <summary>
/// The one table of fields whose values are never shown, stored or exported (docs/audit.md, "What is redacted"):
/// Secret values, and the inline htpasswd lines a Traefik Middleware manifest may carry (Traefik's CRD wants a
/// Secret reference there, so the API server drops them, but a manifest exported as written would keep them).
/// A diff, an audit record or a GitOps export reads this table through <see cref="SensitiveValues"/>.
/// </summary>
public static class SensitiveFields
{
    private const string SecretAdvice = "a Secret's values are not exported: a GitOps repository would keep them in plain text; "
        + "commit a SealedSecret or an ExternalSecret in its place, or leave the Secret out of the export";

    private const string BasicAuthAdvice = "inline credentials are not exported: a GitOps repository would keep them in plain text; "
        + "keep them in a Secret and name it in spec.basicAuth.secret";

    private const string DigestAuthAdvice = "inline credentials are not exported: a GitOps repository would keep them in plain text; "
        + "keep them in a Secret and name it in spec.digestAuth.secret";

    public static IReadOnlyList<SensitiveField> All { get; } =
    [
        new("", "Secret", "data", SensitiveShape.MapValues, SecretAdvice),
        new("", "Secret", "stringData", SensitiveShape.MapValues, SecretAdvice),
        new("traefik.io", "Middleware", "spec.basicAuth.users", SensitiveShape.CredentialLines, BasicAuthAdvice),
        new("traefik.io", "Middleware", "spec.digestAuth.users", SensitiveShape.CredentialLines, DigestAuthAdvice),
        new("traefik.containo.us", "Middleware", "spec.basicAuth.users", SensitiveShape.CredentialLines, BasicAuthAdvice),
        new("traefik.containo.us", "Middleware", "spec.digestAuth.users", SensitiveShape.CredentialLines, DigestAuthAdvice),
    ];

    /// <summary>The sensitive fields of the object's kind; none when its apiVersion or kind is missing.</summary>
    public static IReadOnlyList<SensitiveField> Of(JsonObject? obj)
    {
        if (Text(obj?["apiVersion"]) is not { } apiVersion || Text(obj?["kind"]) is not { } kind)
        {
            return [];
        }
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "" : apiVersion[..slash];
        return All.Where(f => f.Group == group && f.Kind == kind).ToList();
    }

    /// <summary>
    /// True when the field at <paramref name="path"/> of the object lies inside a sensitive field or contains one,
    /// so showing its value would show a secret.
    /// </summary>
    public static bool Overlaps(JsonObject? obj, IReadOnlyList<string> path) =>
        Of(obj).Any(f => f.Segments.Take(path.Count).SequenceEqual(path.Take(f.Segments.Count)));

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
