using Kubemate.Model.Access;
using Kubemate.Model.Collections;

namespace Kubemate.Model.Drivers;

/// <summary>Which model features a mesh driver can render. A driver rejects a model that uses one it lacks.</summary>
public sealed record MeshCapabilities
{
    public bool TrafficSplits { get; init; }

    /// <summary>Header/path matches on a split (A/B tests).</summary>
    public bool SplitMatches { get; init; }

    /// <summary>Backends that are subsets of one service (by pod labels).</summary>
    public bool SplitSubsets { get; init; }

    /// <summary>When set, split weights must add up to exactly this (percentages).</summary>
    public int? RequiredWeightTotal { get; init; }

    public bool AccessIntents { get; init; }

    /// <summary>Method and path rules on an intent.</summary>
    public bool HttpAccessRules { get; init; }

    /// <summary>Whether an intent's target can declare its protocol.</summary>
    public bool TargetProtocol { get; init; }

    /// <summary>Whether a target can set its own default policy for unauthorized clients.</summary>
    public bool TargetDefaultPolicy { get; init; }

    /// <summary>Whether targets have names that intents share (Linkerd Servers).</summary>
    public bool NamedEndpoints { get; init; }

    /// <summary>Whether a target port may be a port name.</summary>
    public bool NamedTargetPorts { get; init; }

    public bool ResiliencePolicies { get; init; }

    /// <summary>HTTP retry conditions the mesh knows (status codes are always allowed).</summary>
    public ValueList<string> HttpRetryClasses { get; init; } = [];

    public bool StatusRangeRetries { get; init; }

    public bool IdleTimeouts { get; init; }

    public ValueList<InboundPolicyMode> InboundPolicyModes { get; init; } = [];

    public bool Injection { get; init; }

    public bool PortRanges { get; init; }

    public bool OpaquePorts { get; init; }
}
