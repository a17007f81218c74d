using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// What a Deployment's spec asks of a rollout, with Kubernetes' defaults and rounding: maxSurge rounds up,
/// maxUnavailable rounds down, and when both come out zero one pod may be unavailable so the rollout can move.
/// </summary>
public sealed record DeploymentPlan(int Desired, bool Recreate, bool Paused, int MaxSurge, int MaxUnavailable, int RevisionHistoryLimit)
{
    /// <exception cref="FormatException">maxSurge or maxUnavailable is malformed (the message names the field).</exception>
    public static DeploymentPlan Of(JsonObject deployment)
    {
        var desired = (int)(deployment.GetLong("spec", "replicas") ?? 1);
        var recreate = deployment.GetString("spec", "strategy", "type") == "Recreate";
        var paused = deployment.GetBool("spec", "paused") == true;
        var history = (int)(deployment.GetLong("spec", "revisionHistoryLimit") ?? 10);
        if (recreate)
        {
            return new DeploymentPlan(desired, true, paused, 0, 0, history);
        }
        var rolling = deployment.At("spec", "strategy", "rollingUpdate");
        var surge = IntOrPercent.Scaled(rolling.At("maxSurge"), desired, roundUp: true, "25%", "spec.strategy.rollingUpdate.maxSurge");
        var unavailable = IntOrPercent.Scaled(rolling.At("maxUnavailable"), desired, roundUp: false, "25%", "spec.strategy.rollingUpdate.maxUnavailable");
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }
        return new DeploymentPlan(desired, false, paused, surge, Math.Min(unavailable, desired), history);
    }
}
