using System.Text.Json.Serialization;
using Kubemate.Model.References;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

/// <summary>
/// What an intent protects: a port on the pods behind a service. Meshes authorize at the pod port, so the
/// target names the pods by selector (the caller copies it from the Service) and the target port.
/// Without pods and port, it names an endpoint defined elsewhere (<see cref="Name"/>); with
/// <see cref="AllInNamespace"/> it covers every endpoint of the namespace.
/// </summary>
public sealed record AccessTarget : IValidatable
{
    /// <summary>The endpoint's name (Linkerd: the Server); null means the intent's name. Intents that share a port share a name.</summary>
    public string? Name { get; init; }

    public LabelSelector? Pods { get; init; }

    public PortRef? Port { get; init; }

    public AppProtocol? Protocol { get; init; }

    /// <summary>Who may connect to this endpoint when no intent allows them; null means the namespace default.</summary>
    public InboundPolicyMode? DefaultPolicy { get; init; }

    public bool AllInNamespace { get; init; }

    [JsonIgnore]
    public bool IsExternal => !AllInNamespace && Pods is null && Port is null;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        if (Name is not null)
        {
            problems.AddRange(NameChecks.Dns1123Subdomain(Name, FieldPath.Child(path, "name")));
        }
        if (AllInNamespace)
        {
            if (Pods is not null || Port is not null || Name is not null || Protocol is not null || DefaultPolicy is not null)
            {
                problems.Add(new(path, "allInNamespace covers every endpoint; give no name, pods, port, protocol or defaultPolicy"));
            }
            return problems;
        }
        if (Pods is null && Port is null)
        {
            if (Name is null)
            {
                problems.Add(new(path, "give pods and port, the name of an existing endpoint, or allInNamespace: true"));
            }
            if (Protocol is not null || DefaultPolicy is not null)
            {
                problems.Add(new(path, "protocol and defaultPolicy need pods and port"));
            }
            return problems;
        }
        if (Pods is null)
        {
            problems.Add(new(FieldPath.Child(path, "pods"), "is required with port"));
        }
        else
        {
            problems.AddRange(Pods.Validate(FieldPath.Child(path, "pods")));
        }
        if (Port is null)
        {
            problems.Add(new(FieldPath.Child(path, "port"), "is required with pods"));
        }
        else
        {
            problems.AddRange(Port.Validate(FieldPath.Child(path, "port")));
        }
        return problems;
    }
}
