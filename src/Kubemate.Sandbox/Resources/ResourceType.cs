using Kubemate.ApiMachinery.Structure;

namespace Kubemate.Sandbox.Resources;

/// <summary>One served resource of one group/version: what discovery lists and what the handlers serve.</summary>
public sealed record ResourceType
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    /// <summary>The plural resource name in URLs, e.g. <c>deployments</c>.</summary>
    public required string Plural { get; init; }
    public required string Kind { get; init; }
    public required bool Namespaced { get; init; }
    public string Singular { get; init; } = "";
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;
    /// <summary>Subresources beside the main resource: <c>status</c>, <c>scale</c>, <c>log</c>, <c>proxy</c>…</summary>
    public IReadOnlyList<string> Subresources { get; init; } = [];
    /// <summary>Merge structure for patches and apply; <see cref="TypeShape.Unknown"/> when none is known.</summary>
    public TypeShape Shape { get; init; } = TypeShape.Unknown;
    /// <summary>The CRD that defines this resource, or null for a built-in.</summary>
    public CustomResourceInfo? Custom { get; init; }
    /// <summary>Kinds like SelfSubjectAccessReview are create-only and never stored.</summary>
    public bool IsVirtual { get; init; }
    /// <summary>Which spec-like top-level fields bump <c>metadata.generation</c>; objects without spec bump on any change.</summary>
    public bool HasStatusSubresource => Subresources.Contains("status");

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage key for the resource across versions: <c>group/plural</c>.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    public string ListKind => Custom?.ListKind ?? Kind + "List";

    public static readonly IReadOnlyList<string> StandardVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static readonly IReadOnlyList<string> CreateOnlyVerbs = ["create"];
}
