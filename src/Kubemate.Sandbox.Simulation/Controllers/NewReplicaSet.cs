using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>The ReplicaSet a Deployment makes for its current pod template, as kube-controller-manager names and labels it.</summary>
public static class NewReplicaSet
{
    private static readonly HashSet<string> AnnotationsNotCopied =
    [
        "kubectl.kubernetes.io/last-applied-configuration", DeploymentController.RevisionAnnotation, "deployment.kubernetes.io/revision-history",
        DeploymentController.DesiredReplicasAnnotation, DeploymentController.MaxReplicasAnnotation,
    ];

    /// <summary>
    /// <c>&lt;deploy&gt;-&lt;hash&gt;</c> with the template, selector and labels extended by <c>pod-template-hash</c>, the
    /// Deployment's annotations (change-cause and the like), the revision and replica annotations, and a controller
    /// owner reference.
    /// </summary>
    public static JsonObject For(JsonObject deployment, DeploymentPlan plan, long revision, int replicas)
    {
        var template = deployment.At("spec", "template")?.DeepClone() as JsonObject ?? [];
        var hash = TemplateHash.Of(template, deployment.GetLong("status", "collisionCount") ?? 0);
        var templateLabels = template.Metadata().Obj("labels");
        templateLabels[Workloads.PodTemplateHashLabel] = hash;
        var selector = deployment.At("spec", "selector")?.DeepClone() as JsonObject ?? [];
        selector.Obj("matchLabels")[Workloads.PodTemplateHashLabel] = hash;

        var annotations = new JsonObject();
        foreach (var (name, value) in deployment.Annotations().Where(a => !AnnotationsNotCopied.Contains(a.Key)))
        {
            annotations[name] = value;
        }
        annotations[DeploymentController.DesiredReplicasAnnotation] = DeploymentController.Text(plan.Desired);
        annotations[DeploymentController.MaxReplicasAnnotation] = DeploymentController.Text(plan.Desired + plan.MaxSurge);
        annotations[DeploymentController.RevisionAnnotation] = DeploymentController.Text(revision);

        var spec = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = selector,
            ["template"] = template,
        };
        if (deployment.GetLong("spec", "minReadySeconds") is { } minReadySeconds)
        {
            spec["minReadySeconds"] = minReadySeconds;
        }
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{deployment.Name()}-{hash}",
                ["namespace"] = deployment.Namespace(),
                ["labels"] = templateLabels.DeepClone(),
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(Owners.ControllerReference(deployment)),
            },
            ["spec"] = spec,
        };
    }
}
