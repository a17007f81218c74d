using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.StateMachine;

namespace Kubemate.Application.Canary.Resource;

/// <summary>
/// An operator action waiting for the controller, kept in the release's <c>kubemate.io/action</c> annotation: the
/// person writes it (as themselves, audited, so Kubernetes RBAC on the release decides who may act), the leader
/// takes it and records its id in <see cref="CanaryReleaseStatus.LastAction"/>, so an action is taken once.
/// </summary>
public sealed record PendingAction(string Id, string Verb, string User, DateTimeOffset Time)
{
    public const string Annotation = "kubemate.io/action";

    /// <summary>The verbs the surfaces offer, as <see cref="ReleaseAction.Verb"/> spells them.</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["pause", "resume", "approve", "promote", "rollback", "restart-analysis"];

    public static ReleaseAction? ActionOf(string verb) => verb switch
    {
        "pause" => new ReleaseAction.Pause(),
        "resume" => new ReleaseAction.Resume(),
        "approve" => new ReleaseAction.Approve(),
        "promote" => new ReleaseAction.PromoteNow(),
        "rollback" => new ReleaseAction.RollBackNow(),
        "restart-analysis" => new ReleaseAction.RestartAnalysis(),
        _ => null,
    };

    public ReleaseAction? Action => ActionOf(Verb);

    public string ToAnnotation() => new JsonObject
    {
        ["id"] = Id,
        ["verb"] = Verb,
        ["user"] = User,
        ["time"] = Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
    }.ToJsonString();

    /// <summary>The action in the object's annotation, or null when there is none or it cannot be read (then it is ignored).</summary>
    public static PendingAction? Read(JsonObject release)
    {
        if (release["metadata"]?["annotations"]?[Annotation] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text) is JsonObject json
                && json["id"]?.GetValue<string>() is { Length: > 0 } id
                && json["verb"]?.GetValue<string>() is { } verb
                && DateTimeOffset.TryParse(json["time"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
                ? new PendingAction(id, verb, json["user"]?.GetValue<string>() ?? "", time)
                : null;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
