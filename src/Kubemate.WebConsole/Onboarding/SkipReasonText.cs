using Kubemate.WebConsole.Resources;
using Microsoft.Extensions.Localization;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Onboarding;

/// <summary>Skip-reason codes in the user's language; an unknown code is shown as it came.</summary>
public static class SkipReasonText
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [SkipReasons.InjectDisabled] = "SkipInjectDisabled",
        [SkipReasons.HostNetwork] = "SkipHostNetwork",
        [SkipReasons.NoPodTemplate] = "SkipNoPodTemplate",
        [SkipReasons.WorkloadOverride] = "SkipWorkloadOverride",
        [SkipReasons.AlreadyInState] = "SkipAlreadyInState",
    };

    public static string Describe(string? code, IStringLocalizer<ConsoleText> text) =>
        code is not null && Keys.TryGetValue(code, out var key) ? text[key] : code ?? "";
}
