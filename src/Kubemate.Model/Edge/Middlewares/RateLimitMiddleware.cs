using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Token-bucket rate limit: <see cref="Average"/> requests per <see cref="Period"/>, bursts up to <see cref="Burst"/>.</summary>
public sealed record RateLimitMiddleware : MiddlewareSpec
{
    protected override string KindField => "rateLimit";

    public long? Average { get; init; }

    /// <summary>A duration such as <c>1s</c> or <c>1m</c>; the edge defaults to one second.</summary>
    public string? Period { get; init; }

    public long? Burst { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (Average is null or <= 0)
        {
            yield return new(FieldPath.Child(path, "average"), Average is null ? "is required" : $"{Average} must be positive (0 turns the limit off)");
        }
        if (Burst < 0)
        {
            yield return new(FieldPath.Child(path, "burst"), $"{Burst} is negative");
        }
        foreach (var problem in EdgeChecks.Duration(FieldPath.Child(path, "period"), Period))
        {
            yield return problem;
        }
        if (Period is not null && EdgeSyntax.TryParseGoDuration(Period, out var period) && period <= TimeSpan.Zero)
        {
            yield return new(FieldPath.Child(path, "period"), "must be longer than zero");
        }
    }
}
