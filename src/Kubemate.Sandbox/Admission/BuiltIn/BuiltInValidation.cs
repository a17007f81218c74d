using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apiserver's validation of built-in kinds beyond their metadata: pods and pod templates, workloads,
/// ConfigMaps, Secrets and Services, refused as 422 Invalid with one cause per field (docs/sandbox-validation.md).
/// Writes to the status subresource are not checked against the spec, as the apiserver's status strategies do not.
/// </summary>
public sealed class BuiltInValidation : IAdmissionPlugin
{
    private static readonly string[] StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    public bool Mutates => false;

    public void Admit(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperation.Delete || request.Subresource.Length > 0 || request.Type.Custom is not null)
        {
            return;
        }
        if (request.Type.Group.Length == 0 && request.Type.Kind == "Service" && NodePortAllocation.Refusal(request) is { } refusal)
        {
            throw ApiError.Invalid(request.Type.Group, request.Type.Kind, request.Object.Name(), [refusal]);
        }
        var errors = Validate(request.Type.Group, request.Type.Kind, request.Object).ToList();
        if (request.OldObject is not null && request.Type.Group == "apps")
        {
            SelectorImmutability.Validate(request.Type.Kind, request.Object, request.OldObject, errors);
        }
        if (errors.Count > 0)
        {
            throw ApiError.Invalid(request.Type.Group, request.Type.Kind, request.Object.Name(), errors);
        }
    }

    /// <summary>The violations of a built-in object; empty when it is valid or its kind has no rules here.</summary>
    public static IReadOnlyList<FieldViolation> Validate(string group, string kind, JsonObject obj)
    {
        var errors = new List<FieldViolation>();
        FinalizerNames(obj, errors);
        switch (group, kind)
        {
            case ("", "Pod"):
                PodSpecRules.Validate(obj["spec"], "spec", errors);
                break;
            case ("", "ConfigMap"):
                ConfigDataRules.ValidateConfigMap(obj, errors);
                break;
            case ("", "Secret"):
                ConfigDataRules.ValidateSecret(obj, errors);
                break;
            case ("", "Service"):
                ServiceRules.Validate(obj, errors);
                break;
            case ("apps", _) or ("batch", _):
                errors.AddRange(WorkloadRules.Validate(kind, obj));
                break;
        }
        return errors;
    }

    /// <summary>
    /// Built-in kinds also refuse a finalizer without a domain unless it is one of Kubernetes' own (the core
    /// ValidateObjectMeta check; custom resources do not have it).
    /// </summary>
    private static void FinalizerNames(JsonObject obj, List<FieldViolation> errors)
    {
        var finalizers = obj.At("metadata", "finalizers") as JsonArray ?? [];
        for (var i = 0; i < finalizers.Count; i++)
        {
            if (finalizers[i] is JsonValue value && value.TryGetValue<string>(out var name)
                && !name.Contains('/', StringComparison.Ordinal) && !StandardFinalizers.Contains(name))
            {
                errors.Add(FieldViolation.Invalid($"metadata.finalizers[{i}]", name, "name is neither a standard finalizer name nor is it fully qualified"));
            }
        }
    }
}
