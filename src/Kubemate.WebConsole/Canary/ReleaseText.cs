using System.Globalization;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.WebConsole.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kubemate.WebConsole.Canary;

/// <summary>A release's mode, phase, verdict and weights as the console shows them, in the current language.</summary>
public static class ReleaseText
{
    public static string Mode(IStringLocalizer<CanaryText> words, ReleaseMode mode) => words["Mode" + mode];

    public static string Phase(IStringLocalizer<CanaryText> words, ReleasePhase phase) => words["Phase" + phase];

    public static string Verdict(IStringLocalizer<CanaryText> words, Verdict? verdict) => verdict is { } v ? words["Verdict" + v] : "–";

    public static string Outcome(IStringLocalizer<CanaryText> words, ActionState state) => words["Outcome" + state];

    public static string Action(IStringLocalizer<CanaryText> words, string verb) => words["Action" + verb];

    /// <summary>The split as stable / canary percents, e.g. "95 / 5".</summary>
    public static string Split(IStringLocalizer<CanaryText> words, int canaryWeight) =>
        words["WeightSplit", (100 - canaryWeight).ToString(CultureInfo.CurrentCulture), canaryWeight.ToString(CultureInfo.CurrentCulture)];

    public static Color PhaseColor(ReleasePhase phase) => phase switch
    {
        ReleasePhase.Succeeded => Color.Success,
        ReleasePhase.RolledBack or ReleasePhase.Failed => Color.Error,
        ReleasePhase.WaitingForApproval => Color.Warning,
        ReleasePhase.Progressing or ReleasePhase.Promoting => Color.Info,
        _ => Color.Default,
    };

    public static Color VerdictColor(Verdict? verdict) => verdict switch
    {
        Application.Canary.Resource.Verdict.Pass => Color.Success,
        Application.Canary.Resource.Verdict.Fail => Color.Error,
        _ => Color.Default,
    };
}
