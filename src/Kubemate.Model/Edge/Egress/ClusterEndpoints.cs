using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Egress;

/// <summary>The cluster DNS pods that locked-down workloads may still query.</summary>
public sealed record DnsEndpoint : IValidatable
{
    public string Namespace { get; init; } = "kube-system";

    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" };

    public int Port { get; init; } = 53;

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.LabelName(FieldPath.Child(path, "namespace"), Namespace)
            .Concat(EdgeChecks.Labels(FieldPath.Child(path, "podLabels"), PodLabels))
            .Concat(EdgeChecks.Port(FieldPath.Child(path, "port"), Port));
}

/// <summary>
/// Where the Kubernetes API server answers. The egress gateway reads its routes from it; a NetworkPolicy cannot select
/// the API server by label, so its addresses are given.
/// </summary>
public sealed record KubernetesApiEndpoint : IValidatable
{
    public required IReadOnlyList<string> Cidrs { get; init; }

    public int Port { get; init; } = 6443;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var cidrsPath = FieldPath.Child(path, "cidrs");
        if (Cidrs.Count == 0)
        {
            yield return new(cidrsPath, "at least one CIDR is required");
        }
        for (var i = 0; i < Cidrs.Count; i++)
        {
            foreach (var problem in EdgeChecks.Cidr(FieldPath.Index(cidrsPath, i), Cidrs[i]))
            {
                yield return problem;
            }
        }
        foreach (var problem in EdgeChecks.Port(FieldPath.Child(path, "port"), Port))
        {
            yield return problem;
        }
    }
}
