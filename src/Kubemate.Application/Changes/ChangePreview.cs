using System.Text.Json.Serialization;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Changes;

/// <summary>
/// What a user saw before applying: the change set, its server dry run with diffs, and each object's
/// resourceVersion at that moment (null = it did not exist), which <see cref="ChangeService.ApplyPreviewedAsync"/>
/// turns into preconditions.
/// </summary>
public sealed record ChangePreview(
    ChangeSet ChangeSet,
    ChangeSetResult DryRun,
    [property: JsonConverter(typeof(ResourceVersionMapJsonConverter))] IReadOnlyDictionary<ObjectRef, string?> ResourceVersions);
