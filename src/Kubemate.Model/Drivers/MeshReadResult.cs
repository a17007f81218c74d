using System.Text.Json.Nodes;

namespace Kubemate.Model.Drivers;

/// <summary>What a driver made of a set of objects.</summary>
public sealed record MeshReadResult(IReadOnlyList<IMeshModel> Models, IReadOnlyList<UnrecognizedObject> Unrecognized);

/// <summary>An object the driver did not turn into a model, with the reason; kept exactly as given.</summary>
public sealed record UnrecognizedObject(JsonObject Object, string Reason)
{
    public override string ToString() => $"{ObjectIdentity.Of(Object)}: {Reason}";
}
