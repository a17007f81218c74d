using Kubemate.Application.Canary.Resource;

namespace Kubemate.WebConsole.Canary;

/// <summary>
/// What the wizard starts a release with: short checks tuned to a scrape interval of a few seconds, judged on a
/// window long enough for a few scrapes, and the steps of a progressive release.
/// </summary>
public static class AnalysisDefaults
{
    public const string Interval = "5s";
    public const string Window = "30s";
    public const int MinRequests = 10;
    public const int FailedChecks = 2;
    public const double SuccessRateMin = 0.99;
    public const double LatencyP99MaxRatio = 1.5;
    public const int ManualWeight = 5;
    public const string Steps = "5, 10, 25, 50";
    public const string StepPause = "30s";

    public static AnalysisSpec Spec() => new()
    {
        Interval = Interval,
        Window = Window,
        MinRequests = MinRequests,
        FailedChecks = FailedChecks,
        SuccessRate = new SuccessRateThresholds(Min: SuccessRateMin),
        LatencyP99 = new LatencyThresholds(MaxRatio: LatencyP99MaxRatio),
    };
}
