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
    public bool Mutates => false;

    public void Admit(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperation.Delete || request.Subresource.Length > 0 || request.Type.Custom is not null)
        {
            return;
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
}
