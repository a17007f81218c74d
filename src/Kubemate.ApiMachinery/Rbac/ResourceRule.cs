namespace Kubemate.ApiMachinery.Rbac;

/// <summary>A resource rule as a SelfSubjectRulesReview reports it.</summary>
public sealed record ResourceRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames)
{
    public bool Equals(ResourceRule? other) =>
        other is not null
        && Verbs.SequenceEqual(other.Verbs)
        && ApiGroups.SequenceEqual(other.ApiGroups)
        && Resources.SequenceEqual(other.Resources)
        && ResourceNames.SequenceEqual(other.ResourceNames);

    public override int GetHashCode() => HashCode.Combine(Verbs.Count, ApiGroups.Count, Resources.Count, ResourceNames.Count);
}
