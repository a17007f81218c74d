namespace Kubemate.ApiMachinery.Rbac;

/// <summary>A non-resource rule as a SelfSubjectRulesReview reports it.</summary>
public sealed record NonResourceRule(IReadOnlyList<string> Verbs, IReadOnlyList<string> NonResourceUrls)
{
    public bool Equals(NonResourceRule? other) =>
        other is not null && Verbs.SequenceEqual(other.Verbs) && NonResourceUrls.SequenceEqual(other.NonResourceUrls);

    public override int GetHashCode() => HashCode.Combine(Verbs.Count, NonResourceUrls.Count);
}
