using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/apimachinery/pkg/apis/meta/v1, field numbers as in Kubernetes 1.32. Declare a message before its users.</summary>
public static class MetaV1
{
    /// <summary>Whole seconds in RFC 3339, UTC; the zero time is <c>null</c> (metav1.Time's JSON form).</summary>
    public static readonly MessageSchema Time = new("meta/v1 Time",
    [
        Field.Int64(1, "seconds", AsSent),
        Field.Int32(2, "nanos", AsSent),
    ], TimeToJson);

    public static readonly MessageSchema Duration = new("meta/v1 Duration",
    [
        Field.Int64(1, "duration", AsSent),
    ], decoded => GoDuration.Format(WellKnown.Int64(decoded, "duration")));

    /// <summary>The managed-fields set, carried as raw JSON bytes.</summary>
    public static readonly MessageSchema FieldsV1 = new("meta/v1 FieldsV1",
    [
        Field.Bytes(1, "Raw", AsSent),
    ], FieldsToJson);

    public static readonly MessageSchema ManagedFieldsEntry = new("meta/v1 ManagedFieldsEntry",
    [
        Field.String(1, "manager"),
        Field.String(2, "operation"),
        Field.String(3, "apiVersion"),
        Field.Message(4, "time", Time),
        Field.String(6, "fieldsType"),
        Field.Message(7, "fieldsV1", FieldsV1),
        Field.String(8, "subresource"),
    ]);

    public static readonly MessageSchema OwnerReference = new("meta/v1 OwnerReference",
    [
        Field.String(5, "apiVersion", Always),
        Field.String(1, "kind", Always),
        Field.String(3, "name", Always),
        Field.String(4, "uid", Always),
        Field.Bool(6, "controller", AsSent),
        Field.Bool(7, "blockOwnerDeletion", AsSent),
    ]);

    public static readonly MessageSchema ObjectMeta = new("meta/v1 ObjectMeta",
    [
        Field.String(1, "name"),
        Field.String(2, "generateName"),
        Field.String(3, "namespace"),
        Field.String(4, "selfLink"),
        Field.String(5, "uid"),
        Field.String(6, "resourceVersion"),
        Field.Int64(7, "generation"),
        Field.Message(8, "creationTimestamp", Time),
        Field.Message(9, "deletionTimestamp", Time),
        Field.Int64(10, "deletionGracePeriodSeconds", AsSent),
        Field.StringMap(11, "labels"),
        Field.StringMap(12, "annotations"),
        Field.Messages(13, "ownerReferences", OwnerReference),
        Field.Strings(14, "finalizers"),
        Field.Messages(17, "managedFields", ManagedFieldsEntry),
    ]);

    public static readonly MessageSchema LabelSelectorRequirement = new("meta/v1 LabelSelectorRequirement",
    [
        Field.String(1, "key", Always),
        Field.String(2, "operator", Always),
        Field.Strings(3, "values"),
    ]);

    public static readonly MessageSchema LabelSelector = new("meta/v1 LabelSelector",
    [
        Field.StringMap(1, "matchLabels"),
        Field.Messages(2, "matchExpressions", LabelSelectorRequirement),
    ]);

    public static readonly MessageSchema FieldSelectorRequirement = new("meta/v1 FieldSelectorRequirement",
    [
        Field.String(1, "key", Always),
        Field.String(2, "operator", Always),
        Field.Strings(3, "values"),
    ]);

    public static readonly MessageSchema Condition = new("meta/v1 Condition",
    [
        Field.String(1, "type", Always),
        Field.String(2, "status", Always),
        Field.Int64(3, "observedGeneration"),
        Field.Message(4, "lastTransitionTime", Time),
        Field.String(5, "reason", Always),
        Field.String(6, "message", Always),
    ]);

    private static JsonNode? TimeToJson(JsonObject decoded)
    {
        var seconds = WellKnown.Int64(decoded, "seconds");
        var nanos = WellKnown.Int64(decoded, "nanos");
        if (seconds == 0 && nanos == 0)
        {
            return null;
        }
        try
        {
            var instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"timestamp {seconds} seconds since the epoch is out of range");
        }
    }

    private static JsonNode? FieldsToJson(JsonObject decoded)
    {
        if (decoded["Raw"] is not JsonValue raw)
        {
            return null;
        }
        try
        {
            return JsonLimits.ParseInput(Convert.FromBase64String(raw.GetValue<string>()));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"fieldsV1 does not hold JSON: {ex.Message}");
        }
    }
}
