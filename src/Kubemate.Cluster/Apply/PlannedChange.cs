using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>A change resolved against the cluster: its REST resource and the object's state before the change.</summary>
internal sealed record PlannedChange(int Index, Change Change, ObjectRef Ref, ResourceType? Type, JsonObject? Previous, string? Problem)
{
    public string? Namespace => Type is { Namespaced: true } ? Ref.Namespace : null;

    /// <summary>The HTTP status behind <see cref="Problem"/>, when the server gave one (403 reading the object).</summary>
    public System.Net.HttpStatusCode? ProblemStatus { get; init; }

    public string? PreviousVersion => (string?)Previous?["metadata"]?["resourceVersion"];

    public ObjectOperation Operation => Change.Action == ChangeAction.Delete
        ? (Previous is null ? ObjectOperation.None : ObjectOperation.Delete)
        : (Previous is null ? ObjectOperation.Create : ObjectOperation.Update);
}
