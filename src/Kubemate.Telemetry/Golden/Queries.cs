using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>Namespace matchers shared by every query shape; the shapes themselves come from <see cref="MeshSeries"/>.</summary>
internal static class Queries
{
    public static IReadOnlyList<LabelMatcher> InNamespaces(IReadOnlyCollection<string>? namespaces, string label) =>
        namespaces is { Count: > 0 } ? [LabelMatcher.OneOf(label, namespaces)] : [];

    public static IReadOnlyList<LabelMatcher> NotInNamespaces(IReadOnlyCollection<string> namespaces, string label) =>
        [new LabelMatcher(label, MatchOperator.NotRegex, LabelMatcher.OneOf(label, namespaces).Value)];
}
