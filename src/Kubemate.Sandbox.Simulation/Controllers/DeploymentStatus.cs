using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// A Deployment's status from its ReplicaSets, with the fields and conditions <c>kubectl rollout status</c> reads:
/// Available (enough pods available for maxUnavailable) and Progressing, whose reason NewReplicaSetAvailable marks
/// a finished rollout.
/// </summary>
public static class DeploymentStatus
{
    public static void Apply(JsonObject deployment, DeploymentPlan plan, IReadOnlyList<JsonObject> replicaSets, JsonObject? newReplicaSet, bool createdNew, string now)
    {
        var actual = replicaSets.Sum(rs => (int)(rs.GetLong("status", "replicas") ?? 0));
        var updated = newReplicaSet is null ? 0 : (int)(newReplicaSet.GetLong("status", "replicas") ?? 0);
        var available = replicaSets.Sum(Available);
        var status = deployment.Obj("status");
        status["observedGeneration"] = deployment.GetLong("metadata", "generation") ?? 1;
        status["replicas"] = actual;
        status["updatedReplicas"] = updated;
        status["readyReplicas"] = replicaSets.Sum(rs => (int)(rs.GetLong("status", "readyReplicas") ?? 0));
        status["availableReplicas"] = available;
        status["unavailableReplicas"] = Math.Max(0, replicaSets.Sum(Replicas) - available);

        if (available >= plan.Desired - plan.MaxUnavailable)
        {
            Conditions.Set(status, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, withUpdateTime: true);
        }
        else
        {
            Conditions.Set(status, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, withUpdateTime: true);
        }
        var name = newReplicaSet?.Name();
        var complete = newReplicaSet is not null && updated == plan.Desired && actual == plan.Desired && available >= plan.Desired
            && Replicas(newReplicaSet) == plan.Desired && replicaSets.All(rs => rs == newReplicaSet || Replicas(rs) == 0);
        if (plan.Paused)
        {
            Conditions.Set(status, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now, withUpdateTime: true);
        }
        else if (complete)
        {
            Conditions.Set(status, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{name}\" has successfully progressed.", now, withUpdateTime: true);
        }
        else if (createdNew)
        {
            Conditions.Set(status, "Progressing", "True", "NewReplicaSetCreated", $"Created new replica set \"{name}\"", now, withUpdateTime: true);
        }
        else if (name is not null)
        {
            Conditions.Set(status, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{name}\" is progressing.", now, withUpdateTime: true);
        }
    }

    public static int Replicas(JsonObject replicaSet) => (int)(replicaSet.GetLong("spec", "replicas") ?? 1);

    public static int Available(JsonObject replicaSet) => (int)(replicaSet.GetLong("status", "availableReplicas") ?? 0);
}
