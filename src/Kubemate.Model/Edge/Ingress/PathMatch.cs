using System.Text.Json.Serialization;

namespace Kubemate.Model.Edge.Ingress;

[JsonConverter(typeof(JsonStringEnumConverter<PathMatchType>))]
public enum PathMatchType
{
    /// <summary>The request path starts with the value.</summary>
    Prefix,

    /// <summary>The request path equals the value.</summary>
    Exact,
}

public sealed record PathMatch(PathMatchType Type, string Value)
{
    public static PathMatch Prefix(string value) => new(PathMatchType.Prefix, value);

    public static PathMatch Exact(string value) => new(PathMatchType.Exact, value);

    public override string ToString() => $"{Type} {Value}";
}
