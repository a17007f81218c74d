using Kubemate.Model.Access;
using Kubemate.Model.Injection;
using Kubemate.Model.Resilience;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Drivers;

/// <summary>Rejects model features a mesh lacks (per its <see cref="MeshCapabilities"/>), so nothing is silently dropped.</summary>
public static class CapabilityChecks
{
    public static IEnumerable<ValidationProblem> Validate(IMeshModel model, MeshCapabilities can, string mesh) => model switch
    {
        TrafficSplit split => Split(split, can, mesh),
        AccessIntent intent => Access(intent, can, mesh),
        ResiliencePolicy policy => Resilience(policy, can, mesh),
        InboundPolicy policy => can.InboundPolicyModes.Contains(policy.Default)
            ? []
            : [new("default", $"{mesh} supports only {string.Join(", ", can.InboundPolicyModes)} as a namespace default")],
        MeshInjection injection => Injection(injection, can, mesh),
        _ => [],
    };

    private static IEnumerable<ValidationProblem> Split(TrafficSplit split, MeshCapabilities can, string mesh)
    {
        if (!can.TrafficSplits)
        {
            yield return new("", $"{mesh} cannot split traffic");
            yield break;
        }
        if (split.Matches.Count > 0 && !can.SplitMatches)
        {
            yield return new("matches", $"{mesh} cannot split by header or path (A/B); remove the matches or use another provider");
        }
        for (var i = 0; i < split.Backends.Count; i++)
        {
            if (split.Backends[i].Subset is not null && !can.SplitSubsets)
            {
                yield return new($"backends[{i}].subset", $"{mesh} splits between services, not subsets; give each version its own Service");
            }
        }
        if (can.RequiredWeightTotal is int total && split.Backends.Sum(b => b.Weight) != total)
        {
            yield return new("backends", $"{mesh} needs weights that total {total} (percentages); they total {split.Backends.Sum(b => b.Weight)}");
        }
    }

    private static IEnumerable<ValidationProblem> Access(AccessIntent intent, MeshCapabilities can, string mesh)
    {
        if (!can.AccessIntents)
        {
            yield return new("", $"{mesh} has no authorization policy");
            yield break;
        }
        if (intent.Http.Count > 0 && !can.HttpAccessRules)
        {
            yield return new("http", $"{mesh} cannot authorize by method or path");
        }
        if (intent.To.Protocol is not null && !can.TargetProtocol)
        {
            yield return new("to.protocol", $"{mesh} takes the protocol from the port name, not from policy; leave it out");
        }
        if (intent.To.DefaultPolicy is not null && !can.TargetDefaultPolicy)
        {
            yield return new("to.defaultPolicy", $"{mesh} has no per-port default; use the namespace's inbound policy");
        }
        if (intent.To.Name is not null && !can.NamedEndpoints)
        {
            yield return new("to.name", $"{mesh} has no named endpoints; leave the name out");
        }
        if (intent.To.Port?.Name is not null && !can.NamedTargetPorts)
        {
            yield return new("to.port", $"{mesh} authorizes port numbers only; give the container port number");
        }
    }

    private static IEnumerable<ValidationProblem> Resilience(ResiliencePolicy policy, MeshCapabilities can, string mesh)
    {
        if (!can.ResiliencePolicies)
        {
            yield return new("", $"{mesh} has no per-route timeouts or retries");
            yield break;
        }
        if (policy.Timeouts?.Idle is not null && !can.IdleTimeouts)
        {
            yield return new("timeouts.idle", $"{mesh} has no idle timeout");
        }
        if (policy.Retry is null || policy.Protocol != RouteProtocol.Http)
        {
            yield break;
        }
        for (var i = 0; i < policy.Retry.On.Count; i++)
        {
            var condition = policy.Retry.On[i];
            if (RetryConditions.HttpClasses.Contains(condition) && !can.HttpRetryClasses.Contains(condition))
            {
                yield return new($"retry.on[{i}]", $"{mesh} cannot retry on {condition} (it knows {string.Join(", ", can.HttpRetryClasses)} and status codes)");
            }
            if (RetryConditions.IsStatusRange(condition) && !can.StatusRangeRetries)
            {
                yield return new($"retry.on[{i}]", $"{mesh} takes single status codes, not ranges such as {condition}");
            }
        }
    }

    private static IEnumerable<ValidationProblem> Injection(MeshInjection injection, MeshCapabilities can, string mesh)
    {
        if (!can.Injection)
        {
            yield return new("", $"{mesh} has no proxy injection settings");
            yield break;
        }
        if (injection.OpaquePorts.Count > 0 && !can.OpaquePorts)
        {
            yield return new("opaquePorts", $"{mesh} has no opaque ports; name the Service port tcp-… instead");
        }
        foreach (var (list, name) in new[] { (injection.SkipOutboundPorts, "skipOutboundPorts"), (injection.SkipInboundPorts, "skipInboundPorts") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Contains('-') && !can.PortRanges)
                {
                    yield return new($"{name}[{i}]", $"{mesh} takes single ports, not ranges such as {list[i]}");
                }
            }
        }
    }
}
