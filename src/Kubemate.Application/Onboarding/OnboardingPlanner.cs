using Kubemate.Model.Injection;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Decides, from one snapshot, which workloads an onboarding restarts and which it leaves alone and why.</summary>
internal static class OnboardingPlanner
{
    public static (IReadOnlyList<PlannedRestart> Restarts, IReadOnlyList<SkippedWorkload> Skipped) Decide(
        NamespaceSnapshot snapshot, MeshInspector inspector, OnboardingRequest request, WorkloadKey? only)
    {
        var restarts = new List<PlannedRestart>();
        var skipped = new List<SkippedWorkload>();
        var podsByWorkload = snapshot.LivePods.ToLookup(PodOwnership.WorkloadOf);
        var workloads = only is null ? snapshot.Workloads : snapshot.Workloads.Where(w => w.Key == only).ToList();
        foreach (var (key, workload) in workloads)
        {
            var pods = podsByWorkload[key].ToList();
            var meshed = pods.Count(inspector.IsMeshed);
            var obstacle = inspector.Obstacle(workload, request.Enable);
            // A workload-scoped request changes the template's own setting, so only missing templates and hostNetwork stand in its way.
            if (obstacle is { } found && (only is null || found.Code is SkipReasons.NoPodTemplate or SkipReasons.HostNetwork))
            {
                skipped.Add(new SkippedWorkload(key.Kind, key.Name, found.Code) { Detail = found.Detail });
                continue;
            }
            var podsInState = request.Enable ? meshed == pods.Count : meshed == 0;
            var templateInState = only is null || inspector.InjectionOf(workload) == request.Enable;
            if (podsInState && templateInState)
            {
                skipped.Add(new SkippedWorkload(key.Kind, key.Name, SkipReasons.AlreadyInState)
                {
                    Detail = request.Enable ? $"all {pods.Count} pods already have the proxy" : "no pod has the proxy",
                });
                continue;
            }
            restarts.Add(new PlannedRestart(key.Kind, key.Name, pods.Count, meshed));
        }
        if (only is null)
        {
            skipped.AddRange(snapshot.BarePods.Select(p => new SkippedWorkload("Pod", KubeJson.Name(p), SkipReasons.NoPodTemplate)
            {
                Detail = "the pod has no controller to roll it; recreate it to change its proxy",
            }));
        }
        return (restarts, skipped);
    }

    public static InjectionTarget Target(OnboardingRequest request, WorkloadKey? only) =>
        only is null ? InjectionTarget.ForNamespace(request.Namespace) : InjectionTarget.ForWorkload(only.Kind, only.Name, request.Namespace);

    /// <summary>Refuses bad requests before anything is read; the message names the field.</summary>
    public static WorkloadKey? Validate(OnboardingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Namespace))
        {
            throw new ArgumentException("namespace: is required", nameof(request));
        }
        if (request.MaxConcurrency < 1)
        {
            throw new ArgumentException($"maxConcurrency: must be at least 1, got {request.MaxConcurrency}", nameof(request));
        }
        if (request.RolloutTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"rolloutTimeout: must be positive, got {request.RolloutTimeout}", nameof(request));
        }
        var only = request.Workload is null ? null : WorkloadKey.Parse(request.Workload, "workload");
        var problems = Target(request, only).Validate().ToList();
        if (problems.Count > 0)
        {
            var field = only is null ? "namespace" : "workload";
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{(p.Path is "name" or "" ? field : p.Path)}: {p.Reason}")), nameof(request));
        }
        return only;
    }
}
