using System.Net;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kubemate.Host.Api;

/// <summary>The JSON shapes of change-set results, and the problem answer when an object failed.</summary>
public static class ChangeSetViews
{
    public sealed record DiffView(string Before, string After);

    public sealed record ObjectResultView(ObjectRef Object, ObjectOperation Operation, ObjectStatus Status, DiffView? Diff, string? Reason, IReadOnlyList<FieldConflict> Conflicts);

    public sealed record PreviewView(string PreviewId, IReadOnlyList<ObjectResultView> Objects);

    public sealed record ApplyView(bool Succeeded, IReadOnlyList<ObjectResultView> Objects);

    /// <summary>
    /// The problem answer of a failed change set, as the OpenAPI document describes it: <c>errors</c> names each failed
    /// object by its request path; <c>conflicts</c> and <c>objects</c> come with a failed dry run or apply (an unknown
    /// preview is a 404 with <c>errors</c> only).
    /// </summary>
    public sealed record FailureProblem
    {
        public string? Type { get; init; }

        public required string Title { get; init; }

        public required int Status { get; init; }

        public string? Detail { get; init; }

        public required IReadOnlyDictionary<string, string[]> Errors { get; init; }

        public IReadOnlyList<FieldConflict>? Conflicts { get; init; }

        public IReadOnlyList<ObjectResultView>? Objects { get; init; }
    }

    public static IReadOnlyList<ObjectResultView> Objects(ChangeSetResult result) =>
        result.Objects.Select(o => new ObjectResultView(o.Object, o.Operation, o.Status,
            o.Diff is null ? null : new DiffView(o.Diff.Before, o.Diff.After), o.Reason, o.Conflicts)).ToList();

    /// <summary>
    /// Null when nothing failed. Otherwise 409 when a field belongs to someone else or the object moved on since the
    /// preview, 403 when Kubernetes RBAC denied the user, 404 when something named does not exist, 422 when the
    /// server found the object invalid. <c>errors</c> names each failed object by its request path.
    /// </summary>
    public static ProblemHttpResult? Failure(ChangeSetResult result, IReadOnlyList<string> paths)
    {
        var failed = result.Objects.Select((o, i) => (Result: o, Path: i < paths.Count ? paths[i] : $"objects[{i}]"))
            .Where(x => x.Result.Status == ObjectStatus.Failed)
            .ToList();
        if (failed.Count == 0)
        {
            return null;
        }
        var conflicts = failed.SelectMany(f => f.Result.Conflicts).ToList();
        var (status, title) =
            conflicts.Count > 0 || failed.Any(f => f.Result.StatusCode == HttpStatusCode.Conflict) ? (StatusCodes.Status409Conflict, "Conflict")
            : failed.Any(f => f.Result.StatusCode == HttpStatusCode.Forbidden) ? (StatusCodes.Status403Forbidden, "Forbidden by Kubernetes")
            : failed.Any(f => f.Result.StatusCode == HttpStatusCode.NotFound) ? (StatusCodes.Status404NotFound, "Not found")
            : (StatusCodes.Status422UnprocessableEntity, "Invalid object");
        var errors = new RequestErrors();
        foreach (var (o, path) in failed)
        {
            var field = o.StatusCode == HttpStatusCode.NotFound && o.Object.Namespace is not null
                && (o.Reason ?? "").Contains($"namespaces \"{o.Object.Namespace}\" not found", StringComparison.Ordinal)
                ? $"{path}.metadata.namespace"
                : path;
            errors.Add(field, o.Reason ?? "failed");
        }
        var first = failed[0];
        return Problem.Of(status, title, $"{first.Result.Object}: {first.Result.Reason}; nothing was changed unless an object says otherwise",
            new Dictionary<string, object?>
            {
                ["errors"] = errors.ToDictionary(),
                ["conflicts"] = conflicts,
                ["objects"] = Objects(result),
            });
    }
}
