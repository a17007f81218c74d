using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apps and batch rules of the apiserver (ValidateDeploymentSpec, ValidateReplicaSetSpec,
/// ValidateStatefulSetSpec, ValidateDaemonSetSpec, ValidateJobSpec): counts not negative, a non-empty selector that
/// selects the pod template's labels, a valid pod template with the restart policy the controller supports.
/// </summary>
public static class WorkloadRules
{
    private const string SelectorMismatch = "`selector` does not match template `labels`";

    /// <summary>The violations of a workload object of <paramref name="kind"/>; empty for other kinds.</summary>
    public static IReadOnlyList<FieldViolation> Validate(string kind, JsonObject obj)
    {
        var errors = new List<FieldViolation>();
        var spec = obj["spec"] as JsonObject ?? [];
        switch (kind)
        {
            case "Deployment":
                ReplicatedSpec(spec, "deployment", errors);
                NonNegative(spec, "minReadySeconds", errors);
                NonNegative(spec, "revisionHistoryLimit", errors);
                ProgressDeadline(spec, errors);
                break;
            case "ReplicaSet":
                ReplicatedSpec(spec, "deployment", errors); // upstream words the ReplicaSet's empty-selector error the same way
                NonNegative(spec, "minReadySeconds", errors);
                break;
            case "StatefulSet":
                ReplicatedSpec(spec, "statefulset", errors);
                NonNegative(spec, "minReadySeconds", errors);
                break;
            case "DaemonSet":
                DaemonSetSpec(spec, errors);
                break;
            case "Job":
                JobSpec(spec, "spec", errors);
                break;
            case "CronJob":
                JobSpec(spec.At("jobTemplate", "spec"), "spec.jobTemplate.spec", errors);
                break;
        }
        return errors;
    }

    /// <summary>Deployment, ReplicaSet and StatefulSet: replicas, a required non-empty selector, the template it selects.</summary>
    private static void ReplicatedSpec(JsonObject spec, string kindWord, List<FieldViolation> errors)
    {
        NonNegative(spec, "replicas", errors);
        var selector = spec["selector"] as JsonObject;
        var usable = true;
        if (selector is null)
        {
            errors.Add(FieldViolation.Required("spec.selector"));
        }
        else
        {
            usable = LabelSelectorRules.Validate(selector, "spec.selector", errors);
            if (LabelSelectorRules.IsEmpty(selector))
            {
                errors.Add(new FieldViolation("spec.selector", ViolationType.Invalid, $"empty selector is invalid for {kindWord}") { Value = GoValues.LabelSelector(selector) });
            }
        }
        if (usable)
        {
            Template(spec, selector, requireMatch: selector is null || !LabelSelectorRules.IsEmpty(selector), errors);
        }
    }

    private static void DaemonSetSpec(JsonObject spec, List<FieldViolation> errors)
    {
        var selector = spec["selector"] as JsonObject;
        var usable = selector is null || LabelSelectorRules.Validate(selector, "spec.selector", errors);
        if (usable && !LabelSelectorRules.Matches(selector, spec.At("template", "metadata", "labels")))
        {
            errors.Add(Mismatch(spec));
        }
        if (selector is not null && LabelSelectorRules.IsEmpty(selector))
        {
            errors.Add(new FieldViolation("spec.selector", ViolationType.Invalid, "empty selector is invalid for daemonset") { Value = GoValues.LabelSelector(selector) });
        }
        Template(spec, selector, requireMatch: false, errors);
    }

    /// <summary>
    /// A pod template of a replicated workload: its selector must select it (an absent selector selects nothing, an
    /// empty one is reported on its own), its pods restart Always. A StatefulSet's containers may mount its volume
    /// claim templates. (The apiserver does not validate a StatefulSet's pod spec at all, leaving its controller to
    /// fail at creating pods; the sandbox checks it here so that its own controller never writes a pod it refuses.)
    /// </summary>
    private static void Template(JsonObject spec, JsonObject? selector, bool requireMatch, List<FieldViolation> errors)
    {
        if (requireMatch && !LabelSelectorRules.Matches(selector, spec.At("template", "metadata", "labels")))
        {
            errors.Add(Mismatch(spec));
        }
        var podSpec = spec.At("template", "spec");
        var claimVolumes = Fields.List(spec, "volumeClaimTemplates").Select(claim => Fields.Text(claim?["metadata"], "name"));
        PodSpecRules.Validate(podSpec, "spec.template.spec", errors, claimVolumes);
        var restartPolicy = PodSpecRules.RestartPolicy(podSpec);
        if (restartPolicy != "Always")
        {
            errors.Add(FieldViolation.NotSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]));
        }
    }

    private static void JobSpec(JsonNode? spec, string path, List<FieldViolation> errors)
    {
        foreach (var field in new[] { "parallelism", "completions", "activeDeadlineSeconds", "backoffLimit" })
        {
            if (Fields.Integer(spec, field) is { } value && value < 0)
            {
                errors.Add(FieldViolation.Invalid($"{path}.{field}", value, "must be greater than or equal to 0"));
            }
        }
        var podSpec = spec.At("template", "spec");
        PodSpecRules.Validate(podSpec, path + ".template.spec", errors);
        var restartPolicy = PodSpecRules.RestartPolicy(podSpec);
        if (restartPolicy is not ("OnFailure" or "Never"))
        {
            errors.Add(FieldViolation.NotSupported(path + ".template.spec.restartPolicy", restartPolicy, ["OnFailure", "Never"]));
        }
    }

    private static FieldViolation Mismatch(JsonObject spec) =>
        new("spec.template.metadata.labels", ViolationType.Invalid, SelectorMismatch) { Value = GoValues.StringMap(spec.At("template", "metadata", "labels")) };

    private static void NonNegative(JsonObject spec, string field, List<FieldViolation> errors)
    {
        if (Fields.Integer(spec, field) is { } value && value < 0)
        {
            errors.Add(FieldViolation.Invalid("spec." + field, value, "must be greater than or equal to 0"));
        }
    }

    private static void ProgressDeadline(JsonObject spec, List<FieldViolation> errors)
    {
        if (Fields.Integer(spec, "progressDeadlineSeconds") is not { } deadline)
        {
            return;
        }
        NonNegative(spec, "progressDeadlineSeconds", errors);
        if (deadline <= (Fields.Integer(spec, "minReadySeconds") ?? 0))
        {
            errors.Add(FieldViolation.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
        }
    }
}
