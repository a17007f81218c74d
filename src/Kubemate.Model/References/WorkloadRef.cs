using Kubemate.Model.Validation;

namespace Kubemate.Model.References;

/// <summary>A workload (Deployment, StatefulSet, DaemonSet, Job, CronJob) by kind and name.</summary>
public sealed record WorkloadRef : IValidatable
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
    };

    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>Null means the namespace of the model that holds the reference.</summary>
    public string? Namespace { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (!Kinds.Contains(Kind))
        {
            yield return new(FieldPath.Child(path, "kind"), $"'{Kind}' is not a workload kind ({string.Join(", ", Kinds)})");
        }
        foreach (var problem in NameChecks.Dns1123Subdomain(Name, FieldPath.Child(path, "name"))
            .Concat(NameChecks.OptionalDns1123Label(Namespace, FieldPath.Child(path, "namespace"))))
        {
            yield return problem;
        }
    }
}
