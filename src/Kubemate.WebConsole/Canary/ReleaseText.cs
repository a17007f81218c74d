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
    public static string Mode(IStringLocalizer<CanaryText> text, ReleaseMode mode) => text["Mode" + mode];

    public static string Phase(IStringLocalizer<CanaryText> text, ReleasePhase phase) => text["Phase" + phase];

    public static string Verdict(IStringLocalizer<CanaryText> text, Verdict? verdict) => verdict is { } v ? text["Verdict" + v] : "–";

    public static string Outcome(IStringLocalizer<CanaryText> text, ActionState state) => text["Outcome" + state];

    public static string Action(IStringLocalizer<CanaryText> text, string verb) => text["Action" + verb];

    /// <summary>The split as stable / canary percents, e.g. "95 / 5".</summary>
    public static string Split(IStringLocalizer<CanaryText> text, int canaryWeight) =>
        text["WeightSplit", (100 - canaryWeight).ToString(CultureInfo.CurrentCulture), canaryWeight.ToString(CultureInfo.CurrentCulture)];

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
