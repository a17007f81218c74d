using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Api;

/// <summary>The label and field selectors of a list or watch request.</summary>
public sealed class ListFilter
{
    private static readonly string[] CommonFields = ["metadata.name", "metadata.namespace"];
    private static readonly Dictionary<string, string[]> ExtraFieldsByKind = new()
    {
        ["Pod"] = ["status.phase", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.podIP", "status.nominatedNodeName"],
        ["Event"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["Secret"] = ["type"],
        ["Namespace"] = ["status.phase"],
        ["ReplicaSet"] = ["status.replicas"],
        ["Job"] = ["status.successful"],
    };

    private readonly LabelSelector? _labels;
    private readonly FieldSelector? _fields;

    private ListFilter(LabelSelector? labels, FieldSelector? fields)
    {
        _labels = labels;
        _fields = fields;
    }

    public static ListFilter FromQuery(ApiRequest request)
    {
        LabelSelector? labels = null;
        FieldSelector? fields = null;
        if (request.Query["labelSelector"].FirstOrDefault() is { Length: > 0 } labelText)
        {
            try
            {
                labels = LabelSelector.Parse(labelText);
            }
            catch (FormatException ex)
            {
                throw ApiError.BadRequest($"unable to parse requirement: {ex.Message}");
            }
        }
        if (request.Query["fieldSelector"].FirstOrDefault() is { Length: > 0 } fieldText)
        {
            try
            {
                fields = FieldSelector.Parse(fieldText);
            }
            catch (FormatException ex)
            {
                throw ApiError.BadRequest($"invalid field selector: {ex.Message}");
            }
            var allowed = CommonFields.Concat(ExtraFieldsByKind.GetValueOrDefault(request.Type.Kind) ?? []);
            if (fields.UnsupportedFields(allowed).FirstOrDefault() is { } unsupported)
            {
                throw ApiError.BadRequest($"field label not supported: {unsupported}");
            }
        }
        return new ListFilter(labels, fields);
    }

    public bool IsEmpty => _labels is null && _fields is null;

    public bool Matches(JsonObject obj) =>
        (_labels is null || _labels.Matches(obj.Labels())) && (_fields is null || _fields.Matches(obj));
}
