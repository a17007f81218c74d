using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

public enum PeerKind
{
    ServiceAccount,
    Namespace,
    Workload,
    AnyMeshed,
}

/// <summary>
/// A client identified by its mesh identity: a service account, every workload of a namespace, a workload
/// (which the mesh knows by its service account), or any meshed client.
/// </summary>
public sealed record Peer : IValidatable
{
    public required PeerKind Kind { get; init; }

    /// <summary>Service account, namespace or workload name; unused for AnyMeshed.</summary>
    public string? Name { get; init; }

    /// <summary>Service account or workload namespace; null means the intent's namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Workload only: Deployment, StatefulSet …</summary>
    public string? WorkloadKind { get; init; }

    /// <summary>Workload only: its service account, which is what meshes authenticate. Resolved by the caller from the pod template.</summary>
    public string? ServiceAccount { get; init; }

    public static Peer ForServiceAccount(string name, string? @namespace = null) => new() { Kind = PeerKind.ServiceAccount, Name = name, Namespace = @namespace };

    public static Peer ForNamespace(string name) => new() { Kind = PeerKind.Namespace, Name = name };

    public static Peer ForWorkload(string kind, string name, string? @namespace, string? serviceAccount) =>
        new() { Kind = PeerKind.Workload, WorkloadKind = kind, Name = name, Namespace = @namespace, ServiceAccount = serviceAccount };

    public static readonly Peer AnyMeshed = new() { Kind = PeerKind.AnyMeshed };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        switch (Kind)
        {
            case PeerKind.AnyMeshed:
                if (Name is not null || Namespace is not null)
                {
                    problems.Add(new(path, "anyMeshed takes no name or namespace"));
                }
                break;
            case PeerKind.Namespace:
                problems.AddRange(NameChecks.Dns1123Label(Name, FieldPath.Child(path, "name")));
                break;
            case PeerKind.ServiceAccount:
                problems.AddRange(NameChecks.Dns1123Subdomain(Name, FieldPath.Child(path, "name")));
                problems.AddRange(NameChecks.OptionalDns1123Label(Namespace, FieldPath.Child(path, "namespace")));
                break;
            case PeerKind.Workload:
                problems.AddRange(new References.WorkloadRef { Kind = WorkloadKind ?? "", Name = Name ?? "", Namespace = Namespace }.Validate(path)
                    .Select(p => p.Path.EndsWith(".kind", StringComparison.Ordinal) ? p with { Path = FieldPath.Child(path, "workloadKind") } : p));
                if (ServiceAccount is not null)
                {
                    problems.AddRange(NameChecks.Dns1123Subdomain(ServiceAccount, FieldPath.Child(path, "serviceAccount")));
                }
                break;
        }
        return problems;
    }

    public override string ToString() => Kind switch
    {
        PeerKind.AnyMeshed => "any meshed client",
        PeerKind.Namespace => $"namespace {Name}",
        PeerKind.Workload => $"{WorkloadKind} {Namespace}/{Name}",
        _ => $"service account {Namespace}/{Name}",
    };
}
