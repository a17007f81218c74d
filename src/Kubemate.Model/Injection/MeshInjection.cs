using System.Text.Json.Serialization;
using Kubemate.Model.Collections;
using Kubemate.Model.Preservation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Injection;

/// <summary>
/// Proxy injection for a namespace or workload, and which ports bypass the proxy. Port lists hold numbers and
/// ranges (<c>5432</c>, <c>6000-6100</c>); opaque ports may also name a container port.
/// </summary>
public sealed record MeshInjection : IMeshModel
{
    [JsonIgnore]
    public string ModelKind => "MeshInjection";

    public required InjectionTarget Target { get; init; }

    [JsonIgnore]
    public string Name => Target.Name;

    [JsonIgnore]
    public string? Namespace => Target.Namespace;

    /// <summary>True to inject the proxy, false to keep it out, null to leave the setting alone.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Outbound ports whose traffic skips the proxy (databases, latency-critical model serving).</summary>
    public ValueList<string> SkipOutboundPorts { get; init; } = [];

    public ValueList<string> SkipInboundPorts { get; init; } = [];

    /// <summary>Ports whose traffic is proxied as opaque TCP, with no protocol detection.</summary>
    public ValueList<string> OpaquePorts { get; init; } = [];

    public PreservedData? Preserved { get; init; }

    public IMeshModel WithPreserved(PreservedData? preserved) => this with { Preserved = preserved };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = Target.Validate(FieldPath.Child(path, "target")).ToList();
        problems.AddRange(Ports(SkipOutboundPorts, FieldPath.Child(path, "skipOutboundPorts"), allowNames: false));
        problems.AddRange(Ports(SkipInboundPorts, FieldPath.Child(path, "skipInboundPorts"), allowNames: false));
        problems.AddRange(Ports(OpaquePorts, FieldPath.Child(path, "opaquePorts"), allowNames: true));
        if (Enabled is null && SkipOutboundPorts.Count == 0 && SkipInboundPorts.Count == 0 && OpaquePorts.Count == 0)
        {
            problems.Add(new(path, "nothing to set: give enabled or a port list"));
        }
        return problems;
    }

    private static IEnumerable<ValidationProblem> Ports(ValueList<string> ports, string path, bool allowNames)
    {
        for (var i = 0; i < ports.Count; i++)
        {
            foreach (var problem in PortChecks.ListEntry(ports[i], FieldPath.Index(path, i), allowNames))
            {
                yield return problem;
            }
            if (ports.Take(i).Contains(ports[i]))
            {
                yield return new(FieldPath.Index(path, i), $"'{ports[i]}' is listed twice");
            }
        }
    }
}
