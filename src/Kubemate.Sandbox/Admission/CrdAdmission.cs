using System.Text.Json.Nodes;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Schema;

namespace Kubemate.Sandbox.Admission;

/// <summary>
/// CustomResourceDefinitions: rejects the ones the apiserver would (names, versions, non-structural schemas)
/// and fills in the status the apiextensions controller would write (accepted names, Established).
/// </summary>
public sealed class CrdAdmission(TimeProvider clock) : IAdmissionPlugin
{
    public bool Mutates => true;

    public void Admit(AdmissionRequest request)
    {
        if (request.Type.Kind != "CustomResourceDefinition" || request.Operation == AdmissionOperation.Delete)
        {
            return;
        }
        var crd = request.Object;
        var causes = CrdInfo.Validate(crd).Select(e => new StatusCause(e.Type.CauseType(), e.Message, e.Field)).ToList();
        if (causes.Count > 0)
        {
            throw ApiError.Invalid("apiextensions.k8s.io", "CustomResourceDefinition", crd.Name(), causes);
        }
        if (request.Subresource != "status")
        {
            crd["status"] = Status(crd, ObjectLifecycle.Timestamp(clock.GetUtcNow()));
        }
    }

    private static JsonObject Status(JsonObject crd, string now)
    {
        var storedVersions = (crd.At("spec", "versions") as JsonArray ?? [])
            .Where(v => v.GetBool("storage") == true)
            .Select(v => (JsonNode)(v.GetString("name") ?? ""))
            .ToArray();
        JsonObject Condition(string type, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        };
        return new JsonObject
        {
            ["acceptedNames"] = crd.At("spec", "names")?.DeepClone(),
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["storedVersions"] = new JsonArray(storedVersions),
        };
    }
}
