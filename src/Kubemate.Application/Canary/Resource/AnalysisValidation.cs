using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Resource;

/// <summary>Analysis settings: durations, positive counts, thresholds in range, and at least one threshold to judge by.</summary>
internal static class AnalysisValidation
{
    public static IEnumerable<ValidationProblem> Problems(AnalysisSpec analysis, string path)
    {
        var problems = DurationChecks.Duration(analysis.Interval, FieldPath.Child(path, "interval"))
            .Concat(DurationChecks.Duration(analysis.Window, FieldPath.Child(path, "window")))
            .ToList();
        if (analysis.MinRequests < 1)
        {
            problems.Add(new(FieldPath.Child(path, "minRequests"), $"{analysis.MinRequests} must be at least 1"));
        }
        if (analysis.FailedChecks < 1)
        {
            problems.Add(new(FieldPath.Child(path, "failedChecks"), $"{analysis.FailedChecks} must be at least 1"));
        }
        if (analysis.SuccessRate is { Min: null, MaxDrop: null } or null && analysis.LatencyP99 is { MaxMs: null, MaxRatio: null } or null)
        {
            problems.Add(new(path, "needs at least one threshold (successRate.min, successRate.maxDrop, latencyP99.maxMs or latencyP99.maxRatio)"));
        }
        var successRate = FieldPath.Child(path, "successRate");
        Fraction(analysis.SuccessRate?.Min, FieldPath.Child(successRate, "min"), problems);
        Fraction(analysis.SuccessRate?.MaxDrop, FieldPath.Child(successRate, "maxDrop"), problems);
        var latency = FieldPath.Child(path, "latencyP99");
        if (analysis.LatencyP99?.MaxMs is <= 0)
        {
            problems.Add(new(FieldPath.Child(latency, "maxMs"), $"{analysis.LatencyP99.MaxMs} must be above 0"));
        }
        AtLeastOne(analysis.LatencyP99?.MaxRatio, FieldPath.Child(latency, "maxRatio"), problems);
        AtLeastOne(analysis.RequestRate?.MaxRatio, FieldPath.Child(FieldPath.Child(path, "requestRate"), "maxRatio"), problems);
        return problems;
    }

    private static void Fraction(double? value, string path, List<ValidationProblem> problems)
    {
        if (value is < 0 or > 1 || value is double.NaN)
        {
            problems.Add(new(path, $"{value} is not a fraction from 0 to 1 (0.99 means 99 %)"));
        }
    }

    private static void AtLeastOne(double? ratio, string path, List<ValidationProblem> problems)
    {
        if (ratio is < 1 || ratio is double.NaN)
        {
            problems.Add(new(path, $"{ratio} must be at least 1 (a ratio below 1 would fail a canary as good as stable)"));
        }
    }
}
