using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Apply;

/// <summary>One object of a change set: the manifest to apply, or the object to delete (only its identity is read).</summary>
public sealed record Change(ChangeAction Action, JsonObject Object)
{
    public static Change Apply(JsonObject manifest) => new(ChangeAction.Apply, manifest);

    public static Change Delete(JsonObject obj) => new(ChangeAction.Delete, obj);
}
