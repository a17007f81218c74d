using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Traffic;

namespace Kubemate.Application.Tests.Canary;

/// <summary>Specs the canary tests start from.</summary>
internal static class CanaryReleases
{
    public static readonly AnalysisSpec Analysis = new()
    {
        Interval = "10s",
        Window = "30s",
        MinRequests = 20,
        FailedChecks = 2,
        SuccessRate = new(Min: 0.99, MaxDrop: 0.01),
        LatencyP99 = new(MaxMs: 500, MaxRatio: 1.5),
    };

    public static CanaryReleaseSpec Progressive(params ReleaseStep[] steps) => new()
    {
        Service = "orders",
        Stable = "orders-v1",
        Canary = "orders-v2",
        Mode = ReleaseMode.Progressive,
        Steps = steps.Length > 0 ? [.. steps] : [Step(5), Step(25), Step(50)],
        Analysis = Analysis,
        ProgressDeadline = "10m",
    };

    public static CanaryReleaseSpec Manual() => Progressive() with { Mode = ReleaseMode.Manual, Steps = [] };

    public static CanaryReleaseSpec AB() => Progressive() with
    {
        Mode = ReleaseMode.AB,
        Steps = [],
        Ab = new AbMatch
        {
            Headers = [new HeaderMatch { Name = "x-canary", Value = "always" }],
            Cookies = [new CookieMatch("canary", "yes")],
            Duration = "5m",
        },
    };

    /// <summary>Every field set, for round trips through the sandbox.</summary>
    public static CanaryReleaseSpec Full() => Progressive(Step(5), Step(25, approval: true), Step(50)) with
    {
        Analysis = Analysis with { RequestRate = new(3) },
        Webhooks =
        [
            new CanaryWebhook { Name = "load", Type = WebhookType.PreRollout, Url = "http://loadtester.test/start", Timeout = "5s" },
            new CanaryWebhook { Name = "chat", Type = WebhookType.Notification, Url = "https://chat.example/hook" },
        ],
        Approval = new(BeforePromotion: true),
    };

    public static ReleaseStep Step(int weight, string pause = "1m", bool approval = false) => new() { Weight = weight, Pause = pause, Approval = approval };

    public static readonly PodHealth Healthy = PodHealth.Healthy;

    public static readonly PodHealth CrashLooping = PodHealthCheck.Judge([new CanaryPod("orders-v2-7d9f-abcde", false, "CrashLoopBackOff", 4)]);

    public static readonly PodHealth NotReady = PodHealthCheck.Judge([new CanaryPod("orders-v2-7d9f-abcde", false, "ContainerCreating")]);
}
