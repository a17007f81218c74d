using System.Text.Json.Serialization;
using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Resource;

/// <summary>
/// The spec of a <c>CanaryRelease</c>: the Service clients call, the two Services that select the stable and the
/// canary pods (Kubemate never clones or scales workloads), how traffic reaches the canary, and how it is judged.
/// </summary>
public sealed record CanaryReleaseSpec : IValidatable
{
    public static readonly TimeSpan DefaultProgressDeadline = TimeSpan.FromMinutes(10);

    public required string Service { get; init; }

    public required string Stable { get; init; }

    public required string Canary { get; init; }

    public required ReleaseMode Mode { get; init; }

    /// <summary>Manual mode: percent of requests a person sends to the canary (0 when not given).</summary>
    public int? Weight { get; init; }

    /// <summary>Where the split is written: the active mesh's objects, or a weighted TraefikService at the edge.</summary>
    public TrafficRouting Routing { get; init; } = TrafficRouting.Mesh;

    public ValueList<ReleaseStep> Steps { get; init; } = [];

    public AbMatch? Ab { get; init; }

    public AnalysisSpec? Analysis { get; init; }

    public ValueList<CanaryWebhook> Webhooks { get; init; } = [];

    public ApprovalGates? Approval { get; init; }

    public string? ProgressDeadline { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        ServiceProblems(path)
            .Concat(ModeProblems(path))
            .Concat(Analysis is null ? [] : AnalysisValidation.Problems(Analysis, FieldPath.Child(path, "analysis")))
            .Concat(WebhookValidation.Problems(Webhooks, FieldPath.Child(path, "webhooks")))
            .Concat(DurationChecks.OptionalDuration(ProgressDeadline, FieldPath.Child(path, "progressDeadline")));

    private IEnumerable<ValidationProblem> ServiceProblems(string path)
    {
        var problems = NameChecks.Dns1123Label(Service, FieldPath.Child(path, "service"))
            .Concat(NameChecks.Dns1123Label(Stable, FieldPath.Child(path, "stable")))
            .Concat(NameChecks.Dns1123Label(Canary, FieldPath.Child(path, "canary")))
            .ToList();
        if (Stable == Canary)
        {
            problems.Add(new(FieldPath.Child(path, "canary"), $"'{Canary}' is also the stable backend; the canary must be another Service"));
        }
        if (Service == Canary && Stable != Canary)
        {
            problems.Add(new(FieldPath.Child(path, "canary"), $"'{Canary}' is the Service being split; the canary must be another Service"));
        }
        return problems;
    }

    private IEnumerable<ValidationProblem> ModeProblems(string path)
    {
        var steps = FieldPath.Child(path, "steps");
        var ab = FieldPath.Child(path, "ab");
        if (Mode != ReleaseMode.Progressive && Steps.Count > 0)
        {
            yield return new(steps, $"steps are for mode progressive, not {ModeName}");
        }
        if (Mode != ReleaseMode.Manual && Weight is not null)
        {
            yield return new(FieldPath.Child(path, "weight"), $"weight is set by a person in mode manual only, not {ModeName}; progressive releases take their weights from steps");
        }
        if (Weight is < 0 or > 100)
        {
            yield return new(FieldPath.Child(path, "weight"), $"{Weight} is not a percent from 0 to 100");
        }
        if (Mode == ReleaseMode.AB && Routing == TrafficRouting.Traefik)
        {
            yield return new(FieldPath.Child(path, "routing"), "a TraefikService splits by weight only; mode ab needs routing mesh");
        }
        if (Mode != ReleaseMode.AB && Ab is not null)
        {
            yield return new(ab, $"ab is for mode ab, not {ModeName}");
        }
        if (Mode == ReleaseMode.Progressive)
        {
            foreach (var problem in StepValidation.Problems(Steps, steps))
            {
                yield return problem;
            }
        }
        if (Mode == ReleaseMode.AB)
        {
            foreach (var problem in Ab is null ? [new(ab, "mode ab needs the headers or cookies that send requests to the canary")] : AbValidation.Problems(Ab, ab))
            {
                yield return problem;
            }
        }
    }

    private string ModeName => Mode switch
    {
        ReleaseMode.Manual => "manual",
        ReleaseMode.Progressive => "progressive",
        _ => "ab",
    };

    /// <summary>The canary weight a person set in manual mode (computed: not a field of the resource or the API).</summary>
    [JsonIgnore]
    public int ManualWeight => Weight ?? 0;

    /// <summary>The progress deadline, or the default when none is given (call on a valid spec).</summary>
    public TimeSpan ProgressDeadlineOrDefault() =>
        DurationChecks.TryParse(ProgressDeadline, out var deadline) ? deadline : DefaultProgressDeadline;
}
