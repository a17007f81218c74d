using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kubemate.Host.Api;

/// <summary>The body of <c>POST /api/v1/changesets/preview</c>: a YAML stream or a list of objects, plus deletes.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChangeSetPreviewRequest
{
    [Description("a YAML stream of Kubernetes objects (send either yaml or objects)")]
    public string? Yaml { get; init; }

    [Description("Kubernetes objects as JSON (send either yaml or objects)")]
    public IReadOnlyList<JsonObject?>? Objects { get; init; }

    [Description("objects to delete")]
    public IReadOnlyList<DeleteTarget?>? Deletes { get; init; }
}

/// <summary>The body of <c>POST /api/v1/changesets/apply</c>: a preview to apply, or a change set applied at once.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChangeSetApplyRequest
{
    [Description("the previewId of a preview of the last 15 minutes (applies once); or send a change set instead")]
    public string? PreviewId { get; init; }

    [Description("a YAML stream of Kubernetes objects (send either yaml or objects)")]
    public string? Yaml { get; init; }

    [Description("Kubernetes objects as JSON (send either yaml or objects)")]
    public IReadOnlyList<JsonObject?>? Objects { get; init; }

    [Description("objects to delete")]
    public IReadOnlyList<DeleteTarget?>? Deletes { get; init; }

    [Description("take the fields other managers own")]
    public bool? Force { get; init; }

    [Description("answer the change as application/yaml for a GitOps repository instead of applying it")]
    public bool? Gitops { get; init; }
}

/// <summary>An object to delete.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DeleteTarget
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public string? Namespace { get; init; }

    public required string Name { get; init; }
}
