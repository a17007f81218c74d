using Kubemate.ApiMachinery.Validation;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission;

/// <summary>Object metadata rules of the apiserver: names, labels, annotations, namespace scoping, immutables.</summary>
public sealed class MetadataValidation : IAdmissionPlugin
{
    public bool Mutates => false;

    public void Admit(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperation.Delete)
        {
            return;
        }
        var violations = ObjectMetaValidator.Validate(request.Object, request.Type.Namespaced, RuleFor(request.Type.Kind)).ToList();
        if (request.OldObject is not null)
        {
            violations.AddRange(ObjectMetaValidator.ValidateUpdate(request.Object, request.OldObject));
        }
        if (violations.Count > 0)
        {
            throw ApiError.Invalid(request.Type.Group, request.Type.Kind, request.Object.Name(),
                violations.Select(v => new StatusCause(v.CauseType, v.Message, v.Field)).ToList());
        }
    }

    /// <summary>Which name format a kind uses, as in the apiserver's validation of each kind.</summary>
    public static NameRule RuleFor(string kind) => kind switch
    {
        "Namespace" => NameRule.Dns1123Label,
        "Service" => NameRule.Dns1035Label,
        "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding" => NameRule.PathSegment,
        _ => NameRule.Dns1123Subdomain,
    };
}
