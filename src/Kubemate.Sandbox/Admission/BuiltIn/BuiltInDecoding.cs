using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Protobuf;
using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Protobuf.Types;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apiserver decodes a built-in object into its typed struct before anything else sees it: a value of the wrong
/// type is a 400 BadRequest (<c>Deployment in version "v1" cannot be handled as a Deployment: json: …</c>), and
/// the conversion folds a Secret's <c>stringData</c> into <c>data</c>. Registered as the first mutating plugin so
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
    }

    /// <summary>
    /// Kinds with a complete type table are checked whole; the other workloads through the pod spec they carry.
    /// </summary>
    private static string? FirstFailure(AdmissionRequest request)
    {
        var obj = request.Object;
        if (ProtobufKinds.Find(request.Type.GroupVersion, request.Type.Kind) is { } schema)
        {
            return TypedDecoding.FirstFailure(obj, schema, "");
        }
        return (request.Type.Group, request.Type.Kind) switch
        {
            ("", "Pod") => TypedDecoding.FirstFailure(obj["spec"], PodV1.PodSpec, "spec"),
            ("apps", "ReplicaSet" or "StatefulSet" or "DaemonSet") or ("batch", "Job") =>
                TypedDecoding.FirstFailure(obj.At("spec", "template"), PodV1.PodTemplateSpec, "spec.template"),
            ("batch", "CronJob") => TypedDecoding.FirstFailure(obj.At("spec", "jobTemplate", "spec", "template"), PodV1.PodTemplateSpec, "spec.jobTemplate.spec.template"),
            _ => null,
        };
    }
}
