using System.Text.Json.Nodes;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Controllers;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// The apiserver's defaulting of workload kinds (replicas, strategies, history limits, Job selectors and labels)
/// and of their pod templates. Controllers and <c>kubectl rollout status</c> rely on these, e.g. a StatefulSet's
/// <c>updateStrategy.type</c>. Only missing fields are set.
/// </summary>
public sealed class WorkloadDefaults : IAdmissionPlugin
{
    public bool Mutates => true;

    public void Admit(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperation.Delete || request.Subresource.Length > 0)
        {
            return;
        }
        var obj = request.Object;
        var group = request.Type.Group;
        switch (request.Type.Kind)
        {
            case "Deployment" when group == "apps":
                Deployment(obj.Obj("spec"));
                ValidateStrategy(obj);
                break;
            case "ReplicaSet" when group == "apps":
                obj.Obj("spec")["replicas"] ??= 1;
                Template(obj.Obj("spec"));
                break;
            case "StatefulSet" when group == "apps":
                StatefulSet(obj.Obj("spec"));
                break;
            case "DaemonSet" when group == "apps":
                DaemonSet(obj.Obj("spec"));
                break;
            case "Job" when group == "batch":
                Job(obj, obj.Obj("spec"), request.Operation == AdmissionOperation.Create);
                break;
            case "CronJob" when group == "batch":
                CronJob(obj.Obj("spec"));
                break;
        }
    }

    private static void Deployment(JsonObject spec)
    {
        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        var strategy = spec.Obj("strategy");
        strategy["type"] ??= "RollingUpdate";
        if (strategy.GetString("type") == "RollingUpdate")
        {
            var rolling = strategy.Obj("rollingUpdate");
            rolling["maxSurge"] ??= "25%";
            rolling["maxUnavailable"] ??= "25%";
        }
        Template(spec);
    }

    /// <summary>The apiserver's checks of a Deployment strategy, so a bad one is refused instead of stalling the rollout.</summary>
    private static void ValidateStrategy(JsonObject deployment)
    {
        var strategy = deployment.At("spec", "strategy");
        var type = strategy.GetString("type");
        var rolling = strategy.At("rollingUpdate");
        if (type == "Recreate" && rolling is not null)
        {
            throw Invalid(deployment, "spec.strategy.rollingUpdate", "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'", "FieldValueForbidden");
        }
        if (type is not ("Recreate" or "RollingUpdate"))
        {
            throw Invalid(deployment, "spec.strategy.type", $"spec.strategy.type: Unsupported value: \"{type}\": supported values: \"Recreate\", \"RollingUpdate\"", "FieldValueNotSupported");
        }
        if (rolling is null)
        {
            return;
        }
        var values = new Dictionary<string, int>();
        foreach (var field in new[] { "maxSurge", "maxUnavailable" })
        {
            var path = $"spec.strategy.rollingUpdate.{field}";
            try
            {
                values[field] = IntOrPercent.Scaled(rolling.At(field), 100, roundUp: true, "25%", path);
            }
            catch (FormatException ex)
            {
                throw Invalid(deployment, path, ex.Message, "FieldValueInvalid");
            }
            if (values[field] < 0)
            {
                throw Invalid(deployment, path, $"{path}: Invalid value: {values[field]}: must be greater than or equal to 0", "FieldValueInvalid");
            }
        }
        if (values["maxSurge"] == 0 && values["maxUnavailable"] == 0)
        {
            throw Invalid(deployment, "spec.strategy.rollingUpdate.maxUnavailable", "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0", "FieldValueInvalid");
        }
    }

    private static ApiError Invalid(JsonObject obj, string field, string message, string reason) =>
        ApiError.Invalid(obj.GetString("apiVersion")?.Split('/')[0] ?? "", obj.GetString("kind") ?? "", obj.Name(), [new StatusCause(reason, message, field)]);

    private static void StatefulSet(JsonObject spec)
    {
        spec["replicas"] ??= 1;
        spec["podManagementPolicy"] ??= "OrderedReady";
        spec["revisionHistoryLimit"] ??= 10;
        var strategy = spec.Obj("updateStrategy");
        strategy["type"] ??= "RollingUpdate";
        if (strategy.GetString("type") == "RollingUpdate")
        {
            strategy.Obj("rollingUpdate")["partition"] ??= 0;
        }
        var retention = spec.Obj("persistentVolumeClaimRetentionPolicy");
        retention["whenDeleted"] ??= "Retain";
        retention["whenScaled"] ??= "Retain";
        Template(spec);
    }

    private static void DaemonSet(JsonObject spec)
    {
        spec["revisionHistoryLimit"] ??= 10;
        var strategy = spec.Obj("updateStrategy");
        strategy["type"] ??= "RollingUpdate";
        if (strategy.GetString("type") == "RollingUpdate")
        {
            var rolling = strategy.Obj("rollingUpdate");
            rolling["maxUnavailable"] ??= 1;
            rolling["maxSurge"] ??= 0;
        }
        Template(spec);
    }

    private static void Job(JsonObject job, JsonObject spec, bool creating)
    {
        if (spec["completions"] is null && spec["parallelism"] is null)
        {
            spec["completions"] = 1;
        }
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        spec["podReplacementPolicy"] ??= "TerminatingOrFailed";
        if (creating && spec.GetBool("manualSelector") != true && job.GetString("metadata", "uid") is { } uid)
        {
            // The Job controller owns its pods through these generated labels and selector.
            var labels = spec.Obj("template").Obj("metadata").Obj("labels");
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = job.Name();
            labels["controller-uid"] = uid;
            labels["job-name"] = job.Name();
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
        }
        Template(spec);
        var restartPolicy = spec.GetString("template", "spec", "restartPolicy");
        if (restartPolicy is not ("Never" or "OnFailure"))
        {
            throw ApiError.Invalid("batch", "Job", job.Name(),
                [new StatusCause("FieldValueNotSupported", $"spec.template.spec.restartPolicy: Unsupported value: \"{restartPolicy}\": supported values: \"OnFailure\", \"Never\"", "spec.template.spec.restartPolicy")]);
        }
    }

    private static void CronJob(JsonObject spec)
    {
        spec["concurrencyPolicy"] ??= "Allow";
        spec["suspend"] ??= false;
        spec["successfulJobsHistoryLimit"] ??= 3;
        spec["failedJobsHistoryLimit"] ??= 1;
        if (spec.At("jobTemplate", "spec", "template", "spec") is JsonObject podSpec)
        {
            PodSpecDefaults.Apply(podSpec);
        }
    }

    private static void Template(JsonObject spec)
    {
        if (spec.At("template", "spec") is JsonObject podSpec)
        {
            PodSpecDefaults.Apply(podSpec);
        }
    }
}
