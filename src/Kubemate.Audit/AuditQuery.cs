namespace Kubemate.Audit;

/// <summary>Filters combine with AND; null means "any". Results are ordered by sequence.</summary>
public sealed record AuditQuery
{
    public string? User { get; init; }

    public string? Cluster { get; init; }

    /// <summary>Records that touched at least one object in this namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Records that touched a matching object (in <see cref="Namespace"/> when that is set too).</summary>
    public AuditObjectSelector? Object { get; init; }

    /// <summary>Inclusive lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Newest first when true.</summary>
    public bool Descending { get; init; }

    /// <summary>At most this many records; null for all.</summary>
    public int? Limit { get; init; }

    public static AuditQuery All { get; } = new();
}

/// <summary>Matches objects by kind and name; either may be null to match any.</summary>
public sealed record AuditObjectSelector(string? Kind, string? Name);
