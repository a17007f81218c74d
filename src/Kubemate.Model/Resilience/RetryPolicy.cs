using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Resilience;

/// <summary>Retry failed requests: on which failures, how often, and with what per-attempt timeout.</summary>
public sealed record RetryPolicy
{
    /// <summary>Failures that trigger a retry; see <see cref="RetryConditions"/>.</summary>
    public required ValueList<string> On { get; init; }

    /// <summary>Maximum retries per request; null means the mesh's default.</summary>
    public int? Limit { get; init; }

    /// <summary>Per-attempt timeout after which the attempt is cancelled and retried.</summary>
    public string? PerTryTimeout { get; init; }

    /// <summary>Retrying POST, PATCH or CONNECT (or all methods) can repeat a payment: it must be asked for explicitly.</summary>
    public bool AllowNonIdempotent { get; init; }

    public IEnumerable<ValidationProblem> Validate(RouteProtocol protocol, string path)
    {
        var onPath = FieldPath.Child(path, "on");
        if (On.Count == 0)
        {
            yield return new(onPath, "name at least one failure to retry on");
        }
        for (var i = 0; i < On.Count; i++)
        {
            foreach (var problem in RetryConditions.Validate(On[i], protocol, FieldPath.Index(onPath, i)))
            {
                yield return problem;
            }
        }
        if (On.Distinct().Count() != On.Count)
        {
            yield return new(onPath, "a condition is listed twice");
        }
        if (Limit is < 1 or > 10)
        {
            yield return new(FieldPath.Child(path, "limit"), $"limit {Limit} must be 1-10");
        }
        foreach (var problem in DurationChecks.OptionalDuration(PerTryTimeout, FieldPath.Child(path, "perTryTimeout")))
        {
            yield return problem;
        }
    }
}
