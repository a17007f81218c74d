using System.Text.Json.Nodes;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Protobuf;
using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apiserver decodes a built-in object into its typed struct before anything else sees it: a value of the wrong
/// type is a 400 BadRequest (<c>Deployment in version "v1" cannot be handled as a Deployment: json: …</c>), and
/// the conversion folds a Secret's <c>stringData</c> into <c>data</c>; defaulting gives a volume without a source an
/// <c>emptyDir</c>. Registered as the first mutating plugin so
/// that later plugins see a well-typed object.
/// </summary>
public sealed class BuiltInDecoding : IAdmissionPlugin
{
    public bool Mutates => true;

    public void Admit(AdmissionRequest request)
    {
        if (request.Operation == AdmissionOperation.Delete || request.Type.Custom is not null)
        {
            return;
        }
        // A subresource write carries the stored spec back; one stored before these checks must not block status.
        if (request.Subresource.Length == 0 && FirstFailure(request) is { } failure)
        {
            var version = request.Type.Version;
            throw ApiError.BadRequest($"{request.Type.Kind} in version \"{version}\" cannot be handled as a {request.Type.Kind}: {failure}");
        }
        if (request.Type.Kind == "Secret" && request.Type.Group.Length == 0)
        {
            SecretData.FoldStringData(request.Object);
        }
        if (PodSpecOf(request.Type.Group, request.Type.Kind, request.Object)?["volumes"] is JsonArray volumes)
        {
            VolumeRules.DefaultSources(volumes);
        }
    }

    /// <summary>The pod spec a built-in object carries (a Pod's own, a workload's template), or null.</summary>
    private static JsonNode? PodSpecOf(string group, string kind, JsonObject obj) => (group, kind) switch
    {
        ("", "Pod") => obj["spec"],
        ("apps", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet") or ("batch", "Job") => obj.At("spec", "template", "spec"),
        ("batch", "CronJob") => obj.At("spec", "jobTemplate", "spec", "template", "spec"),
        _ => null,
    };

    /// <summary>
    /// Kinds with a complete type table are checked whole, the workloads through their spec types, and every other
    /// built-in kind through its metadata.
    /// </summary>
    private static string? FirstFailure(AdmissionRequest request)
    {
        var type = request.Type;
        var schema = ProtobufKinds.Find(type.GroupVersion, type.Kind) ?? (type.Group, type.Kind) switch
        {
            ("", "Pod") => DecodingTypes.Pod,
            ("apps", "ReplicaSet") => DecodingTypes.ReplicaSet,
            ("apps", "StatefulSet") => DecodingTypes.StatefulSet,
            ("apps", "DaemonSet") => DecodingTypes.DaemonSet,
            ("batch", "Job") => DecodingTypes.Job,
            ("batch", "CronJob") => DecodingTypes.CronJob,
            _ => DecodingTypes.MetadataOnly(type.Version, type.Kind),
        };
        return TypedDecoding.FirstFailure(request.Object, schema, "");
    }
}
