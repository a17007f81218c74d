using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Kubemate.Schema.Crds;

namespace Kubemate.Schema;

/// <summary>
/// What a served <c>CustomResourceDefinition</c> (apiextensions.k8s.io/v1) says: group, names, scope and versions
/// with their schemas, subresources and printer columns. Defaults the apiserver applies (singular, listKind) are
/// filled in.
/// </summary>
public sealed record CrdInfo(string Name, string Group, CrdNames Names, string Scope, IReadOnlyList<CrdVersion> Versions)
{
    public bool Namespaced => Scope == "Namespaced";

    /// <summary>The version objects are stored in (exactly one per valid CRD).</summary>
    public CrdVersion StorageVersion => Versions.Single(version => version.Storage);

    public IEnumerable<CrdVersion> ServedVersions => Versions.Where(version => version.Served);

    public CrdVersion? FindVersion(string name) => Versions.FirstOrDefault(version => version.Name == name);

    /// <summary>Parses a CRD object; on problems returns false with every problem as a field error (as the apiserver rejects it).</summary>
    public static bool TryParse(JsonObject crd, [NotNullWhen(true)] out CrdInfo? info, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(crd);
        (info, errors) = CrdReader.Read(crd);
        return info is not null;
    }

    /// <summary>The problems the apiserver would report for this CRD object; empty when it would accept it.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject crd)
    {
        TryParse(crd, out _, out var errors);
        return errors;
    }

    /// <summary>Parses a CRD object or throws <see cref="InvalidCrdException"/> listing its problems.</summary>
    public static CrdInfo Parse(JsonObject crd) =>
        TryParse(crd, out var info, out var errors) ? info : throw new InvalidCrdException(crd["metadata"]?["name"]?.ToString(), errors);
}
