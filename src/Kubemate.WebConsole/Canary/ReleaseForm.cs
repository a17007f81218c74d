using System.Globalization;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Validation;

namespace Kubemate.WebConsole.Canary;

/// <summary>What the wizard's fields hold, turned into the application's <see cref="ReleaseRequest"/>.</summary>
public sealed class ReleaseForm
{
    public string Namespace { get; set; } = "";

    public string Service { get; set; } = "";

    public string Name { get; set; } = "";

    public string Stable { get; set; } = "";

    public string Canary { get; set; } = "";

    public ReleaseMode Mode { get; set; } = ReleaseMode.Manual;

    /// <summary>Manual mode: the canary's percent of requests.</summary>
    public int Weight { get; set; } = AnalysisDefaults.ManualWeight;

    public string Steps { get; set; } = AnalysisDefaults.Steps;

    public string StepPause { get; set; } = AnalysisDefaults.StepPause;

    public string Interval { get; set; } = AnalysisDefaults.Interval;

    public string Window { get; set; } = AnalysisDefaults.Window;

    public int MinRequests { get; set; } = AnalysisDefaults.MinRequests;

    public int FailedChecks { get; set; } = AnalysisDefaults.FailedChecks;

    public double SuccessRateMin { get; set; } = AnalysisDefaults.SuccessRateMin;

    public double LatencyP99MaxRatio { get; set; } = AnalysisDefaults.LatencyP99MaxRatio;

    /// <summary>Takes the proposal's backends and names the release after the Service when no name is given yet.</summary>
    public void Take(BackendProposal proposal)
    {
        Stable = proposal.Stable ?? "";
        Canary = proposal.Canary ?? "";
        if (Name.Length == 0)
        {
            Name = proposal.Service;
        }
    }

    /// <exception cref="ModelValidationException">the steps are not a list of percents.</exception>
    public ReleaseRequest ToRequest(string stepsProblem) => new(Namespace.Trim(), Name.Trim(), new CanaryReleaseSpec
    {
        Service = Service.Trim(),
        Stable = Stable.Trim(),
        Canary = Canary.Trim(),
        Mode = Mode,
        Weight = Mode == ReleaseMode.Manual ? Weight : null,
        Steps = Mode == ReleaseMode.Progressive ? [.. ParseSteps(stepsProblem)] : [],
        Analysis = new AnalysisSpec
        {
            Interval = Interval.Trim(),
            Window = Window.Trim(),
            MinRequests = MinRequests,
            FailedChecks = FailedChecks,
            SuccessRate = new SuccessRateThresholds(Min: SuccessRateMin),
            LatencyP99 = new LatencyThresholds(MaxRatio: LatencyP99MaxRatio),
        },
    });

    private IEnumerable<ReleaseStep> ParseSteps(string problem)
    {
        var pause = string.IsNullOrWhiteSpace(StepPause) ? null : StepPause.Trim();
        var steps = new List<ReleaseStep>();
        foreach (var part in Steps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var weight))
            {
                throw new ModelValidationException([new ValidationProblem("spec.steps", problem)]);
            }
            steps.Add(new ReleaseStep { Weight = weight, Pause = pause });
        }
        return steps;
    }
}
