namespace Kubemate.Cluster.Apply;

/// <summary>Before and after YAML restricted to the fields that change (empty text for an absent side).</summary>
public sealed record ObjectDiff(string Before, string After)
{
    public bool IsEmpty => Before == After;

    /// <summary>The change line by line (<see cref="LineDiff"/>).</summary>
    public IReadOnlyList<DiffLine> Lines() => LineDiff.Compare(Before, After);
}
