using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection;

/// <summary>The workload that owns a pod, read from its controller owner reference.</summary>
public sealed record PodOwner(string Kind, string Name, string ApiVersion)
{
    /// <summary>
    /// The pod's controlling owner (or its first owner). A ReplicaSet named <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>
    /// is reported as its Deployment, the way the injectors look one level up through the API.
    /// </summary>
    public static PodOwner? Of(JsonObject pod)
    {
        var metadata = PodJson.Object(pod, "metadata");
        var references = PodJson.Array(metadata, "ownerReferences")?.OfType<JsonObject>().ToList() ?? [];
        var owner = references.FirstOrDefault(r => PodJson.IsTrue(r, "controller")) ?? references.FirstOrDefault();
        if (owner is null || PodJson.String(owner, "kind") is not { Length: > 0 } kind || PodJson.String(owner, "name") is not { Length: > 0 } name)
        {
            return null;
        }
        var apiVersion = PodJson.String(owner, "apiVersion") ?? "";
        if (kind == "ReplicaSet"
            && PodJson.StringMap(pod, "labels").TryGetValue("pod-template-hash", out var hash)
            && name.EndsWith("-" + hash, StringComparison.Ordinal)
            && name.Length > hash.Length + 1)
        {
            return new PodOwner("Deployment", name[..^(hash.Length + 1)], "apps/v1");
        }
        return new PodOwner(kind, name, apiVersion);
    }
}
