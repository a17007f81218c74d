using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Namespaces;

/// <summary>
/// Injection as <c>linkerd.io/inject: enabled|disabled</c> and the <c>config.linkerd.io/skip-outbound-ports</c>,
/// <c>skip-inbound-ports</c> and <c>opaque-ports</c> annotations, on the Namespace or a workload's pod template.
/// </summary>
internal sealed class LinkerdInjectionMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is MeshInjection;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model) => [];

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var injection = (MeshInjection)model;
        var (obj, metadata) = WorkloadTemplates.Partial(injection.Target);
        var annotations = new JsonObject();
        if (injection.Enabled is bool enabled)
        {
            annotations[LinkerdNames.Inject] = enabled ? "enabled" : "disabled";
        }
        AddPorts(annotations, LinkerdNames.SkipOutboundPorts, injection.SkipOutboundPorts);
        AddPorts(annotations, LinkerdNames.SkipInboundPorts, injection.SkipInboundPorts);
        AddPorts(annotations, LinkerdNames.OpaquePorts, injection.OpaquePorts);
        metadata["annotations"] = annotations;
        yield return obj;
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        var candidates = pool.All("", "Namespace").Concat(pool.All("apps", "Deployment")).Concat(pool.All("apps", "StatefulSet"))
            .Concat(pool.All("apps", "DaemonSet")).Concat(pool.All("apps", "ReplicaSet")).Concat(pool.All("batch", "Job")).Concat(pool.All("batch", "CronJob"));
        foreach (var obj in candidates)
        {
            if (WorkloadTemplates.TargetOf(obj) is not var (target, metadata))
            {
                continue;
            }
            var annotations = KubeJson.StringMap(metadata?["annotations"] as JsonObject);
            annotations.TryGetValue(LinkerdNames.Inject, out var inject);
            var injection = new MeshInjection
            {
                Target = target,
                Enabled = inject switch { "enabled" => true, "disabled" => false, _ => null },
                SkipOutboundPorts = Ports(annotations, LinkerdNames.SkipOutboundPorts),
                SkipInboundPorts = Ports(annotations, LinkerdNames.SkipInboundPorts),
                OpaquePorts = Ports(annotations, LinkerdNames.OpaquePorts),
            };
            if (inject is not null and not ("enabled" or "disabled"))
            {
                pool.Decline(obj, $"{LinkerdNames.Inject} '{inject}' is neither enabled nor disabled");
                continue;
            }
            if (injection.Enabled is null && injection.SkipOutboundPorts.Count == 0 && injection.SkipInboundPorts.Count == 0 && injection.OpaquePorts.Count == 0)
            {
                continue;
            }
            pool.Claim(obj);
            yield return injection;
        }
    }

    private static void AddPorts(JsonObject annotations, string key, ValueList<string> ports)
    {
        if (ports.Count > 0)
        {
            annotations[key] = string.Join(",", ports);
        }
    }

    private static ValueList<string> Ports(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var value)
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToValueList()
            : [];
}
