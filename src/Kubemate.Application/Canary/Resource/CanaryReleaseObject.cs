using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;

namespace Kubemate.Application.Canary.Resource;

/// <summary>A <c>CanaryRelease</c> as read from the cluster: where it is, its versions, spec, status and pending action.</summary>
public sealed record CanaryReleaseObject(
    string Namespace,
    string Name,
    long Generation,
    string ResourceVersion,
    string Uid,
    DateTimeOffset? Created,
    CanaryReleaseSpec Spec,
    CanaryReleaseStatus Status,
    PendingAction? PendingAction)
{
    public static readonly ResourceType Type = new(CanaryReleaseCrd.Group, CanaryReleaseCrd.Version, CanaryReleaseCrd.Kind, CanaryReleaseCrd.Plural, true);

    /// <summary>Whether a status has been written yet (a new release has none).</summary>
    public bool HasStatus { get; init; }

    /// <exception cref="JsonException">the spec or status does not read as the model (the message names the member).</exception>
    public static CanaryReleaseObject Read(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? [];
        var spec = obj["spec"].Deserialize<CanaryReleaseSpec>(CanaryJson.Options) ?? throw new JsonException("spec: Required value");
        var status = obj["status"] is JsonObject s ? s.Deserialize<CanaryReleaseStatus>(CanaryJson.Options) ?? new() : new CanaryReleaseStatus();
        return new CanaryReleaseObject(
            metadata["namespace"]?.GetValue<string>() ?? "",
            metadata["name"]?.GetValue<string>() ?? "",
            metadata["generation"]?.GetValue<long>() ?? 1,
            metadata["resourceVersion"]?.GetValue<string>() ?? "",
            metadata["uid"]?.GetValue<string>() ?? "",
            DateTimeOffset.TryParse(metadata["creationTimestamp"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var created) ? created : null,
            spec,
            status,
            PendingAction.Read(obj))
        {
            HasStatus = obj["status"] is JsonObject { Count: > 0 },
        };
    }

    /// <summary>The manifest a person applies: the release's spec and, when acting, the pending action.</summary>
    public static JsonObject Manifest(string ns, string name, CanaryReleaseSpec spec, PendingAction? action = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (action is not null)
        {
            metadata["annotations"] = new JsonObject { [PendingAction.Annotation] = action.ToAnnotation() };
        }
        return new JsonObject
        {
            ["apiVersion"] = CanaryReleaseCrd.ApiVersion,
            ["kind"] = CanaryReleaseCrd.Kind,
            ["metadata"] = metadata,
            ["spec"] = JsonSerializer.SerializeToNode(spec, CanaryJson.Options),
        };
    }

    /// <summary>The object to send to the status subresource: this version's identity (so the write is conditional) and the new status.</summary>
    public JsonObject StatusUpdate(CanaryReleaseStatus status) => new()
    {
        ["apiVersion"] = CanaryReleaseCrd.ApiVersion,
        ["kind"] = CanaryReleaseCrd.Kind,
        ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = Namespace, ["resourceVersion"] = ResourceVersion },
        ["spec"] = JsonSerializer.SerializeToNode(Spec, CanaryJson.Options),
        ["status"] = JsonSerializer.SerializeToNode(status, CanaryJson.Options),
    };
}
