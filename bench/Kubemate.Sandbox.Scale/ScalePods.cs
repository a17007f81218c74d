using System.Globalization;
using k8s.Models;
using Kubemate.Sandbox.Simulation.Controllers;

namespace Kubemate.Sandbox.Scale;

/// <summary>
/// The harness's pods: <c>pod-NNNNN</c> spread round-robin over namespaces <c>scale-NN</c>. Pre-bound pods name
/// their simulated node, as pods placed by something other than the scheduler do; unbound ones go through the
/// sandbox's simulated scheduler.
/// </summary>
public sealed class ScalePods(int pods, int namespaces, bool preBound)
{
    public int Count => pods;

    public IEnumerable<string> NamespaceNames => Enumerable.Range(0, namespaces).Select(NamespaceName);

    public (string Namespace, string Name) this[int index] =>
        (NamespaceName(index % namespaces), "pod-" + index.ToString("D5", CultureInfo.InvariantCulture));

    public static string NamespaceName(int index) => "scale-" + index.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>A bare pod shaped like an ordinary application pod (labels, one container, ports, probes, resources).</summary>
    public V1Pod Manifest(int index)
    {
        var (ns, name) = this[index];
        var app = "app-" + (index % 20).ToString("D2", CultureInfo.InvariantCulture);
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = app, ["app.kubernetes.io/part-of"] = "scale", ["tier"] = "backend" },
            },
            Spec = new V1PodSpec
            {
                NodeName = preBound ? SimulatedNodes.Names[index % SimulatedNodes.Names.Count] : null,
                Containers =
                [
                    new V1Container
                    {
                        Name = "app",
                        Image = "ghcr.io/kubemate-demo/" + app + ":1.0.0",
                        Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                        Env = [new V1EnvVar { Name = "LOG_LEVEL", Value = "info" }, new V1EnvVar { Name = "POD_INDEX", Value = index.ToString(CultureInfo.InvariantCulture) }],
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("50m"), ["memory"] = new("64Mi") },
                            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("128Mi") },
                        },
                        ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/ready", Port = "http" } },
                    },
                ],
            },
        };
    }
}
