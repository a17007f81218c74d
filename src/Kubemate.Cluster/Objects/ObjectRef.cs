using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Objects;

/// <summary>Names one object: apiVersion, kind, namespace (null when cluster-scoped) and name.</summary>
public sealed record ObjectRef(string ApiVersion, string Kind, string? Namespace, string Name)
{
    public static ObjectRef Of(JsonObject obj) => new(
        (string?)obj["apiVersion"] ?? "",
        (string?)obj["kind"] ?? "",
        (string?)obj["metadata"]?["namespace"] is { Length: > 0 } ns ? ns : null,
        (string?)obj["metadata"]?["name"] ?? "");

    public override string ToString() => Namespace is null ? $"{Kind} {Name} ({ApiVersion})" : $"{Kind} {Namespace}/{Name} ({ApiVersion})";
}
