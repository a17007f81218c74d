using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Schema;

namespace Kubemate.Sandbox.Admission;

/// <summary>
/// Validates custom resources against their CRD's openAPIV3Schema, CEL rules included (transition rules on updates),
/// and reports every violation as a 422 cause.
/// </summary>
public sealed class CustomResourceValidation : IAdmissionPlugin
{
    public bool Mutates => false;

    public void Admit(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperation.Delete || request.Type.Custom?.Schema is not { } schema)
        {
            return;
        }
        var errors = request is { Operation: AdmissionOperation.Update, OldObject: { } old }
            ? SchemaValidator.ValidateUpdate(request.Object, old, schema)
            : SchemaValidator.Validate(request.Object, schema);
        if (errors.Count > 0)
        {
            throw ApiError.Invalid(request.Type.Group, request.Type.Kind, request.Object.Name(),
                errors.Select(e => new StatusCause(e.Type.CauseType(), e.Message, e.Field)).ToList());
        }
    }
}
