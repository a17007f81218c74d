using k8s.Models;

namespace Kubemate.Sandbox.Simulation.Tests;

/// <summary>Small typed manifests for the controller tests.</summary>
public static class Workloads
{
    public static V1PodTemplateSpec Template(string app, string image = "ghcr.io/kubemate-demo/echo:1.0.0", string? restartPolicy = null) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec
        {
            RestartPolicy = restartPolicy,
            Containers =
            [
                new V1Container
                {
                    Name = app,
                    Image = image,
                    Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                },
            ],
        },
    };

    public static V1Deployment Deployment(string name, int replicas, V1DeploymentStrategy? strategy = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = Template(name),
            Strategy = strategy,
        },
    };

    public static V1Service Service(string name, string selectorApp, IntOrString targetPort, string? clusterIp = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec
        {
            ClusterIP = clusterIp,
            Selector = new Dictionary<string, string> { ["app"] = selectorApp },
            Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = targetPort }],
        },
    };
}
