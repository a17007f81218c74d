using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>One entry of <c>metadata.managedFields</c>: who owns which fields, through which operation.</summary>
/// <param name="Manager">The field manager (e.g. <c>kubectl</c>, <c>kube-controller-manager</c>).</param>
/// <param name="Operation"><see cref="ManagedFieldsOperation.Apply"/> or <see cref="ManagedFieldsOperation.Update"/>.</param>
/// <param name="ApiVersion">The group/version the fields are expressed in, e.g. <c>apps/v1</c>.</param>
/// <param name="Time">When the manager last changed the object (whole seconds, UTC); absent on some entries.</param>
/// <param name="Fields">The owned fields (FieldsV1 on the wire).</param>
/// <param name="Subresource">The subresource the manager wrote through (<c>status</c>, <c>scale</c>), or null.</param>
public sealed record ManagedFieldsEntry(
    string Manager,
    string Operation,
    string ApiVersion,
    DateTimeOffset? Time,
    FieldSet Fields,
    string? Subresource = null)
{
    public const string FieldsV1Type = "FieldsV1";

    /// <summary>Always <c>FieldsV1</c>, the only format Kubernetes defines.</summary>
    public string FieldsType => FieldsV1Type;

    /// <summary>
    /// Entries with the same identity are one manager's entry: Apply entries are keyed by manager and subresource,
    /// Update entries also by API version, as the apiserver keys them.
    /// </summary>
    internal ManagerKey Key => new(Manager, Operation, Operation == ManagedFieldsOperation.Apply ? null : ApiVersion, Subresource ?? "");

    /// <summary>The JSON form, with fields in the apiserver's order and the time in RFC 3339 seconds.</summary>
    public JsonObject ToJson()
    {
        var obj = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is { } time)
        {
            obj["time"] = FormatTime(time);
        }
        obj["fieldsType"] = FieldsV1Type;
        obj["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource))
        {
            obj["subresource"] = Subresource;
        }
        return obj;
    }

    /// <summary>Reads one entry; <paramref name="field"/> names it in errors (e.g. <c>metadata.managedFields[0]</c>).</summary>
    /// <exception cref="FieldManagementException">the entry is not valid.</exception>
    public static ManagedFieldsEntry FromJson(JsonNode? node, string field)
    {
        if (node is not JsonObject obj)
        {
            throw new FieldManagementException(field, "must be an object");
        }
        var manager = OptionalString(obj, "manager", field) ?? "";
        var operation = OptionalString(obj, "operation", field);
        if (operation is not (ManagedFieldsOperation.Apply or ManagedFieldsOperation.Update))
        {
            throw new FieldManagementException($"{field}.operation", $"Unsupported value: \"{operation}\": supported values: \"Apply\", \"Update\"");
        }
        var apiVersion = OptionalString(obj, "apiVersion", field);
        if (string.IsNullOrEmpty(apiVersion))
        {
            throw new FieldManagementException($"{field}.apiVersion", "Required value: must not be empty");
        }
        var fieldsType = OptionalString(obj, "fieldsType", field);
        if (fieldsType != FieldsV1Type)
        {
            throw new FieldManagementException(
                $"{field}.fieldsType",
                string.IsNullOrEmpty(fieldsType) ? "Required value: must be \"FieldsV1\"" : $"Unsupported value: \"{fieldsType}\": supported values: \"FieldsV1\"");
        }
        var fields = obj.TryGetPropertyValue("fieldsV1", out var fieldsV1) && fieldsV1 is not null
            ? FieldsV1Codec.Read(fieldsV1, $"{field}.fieldsV1")
            : FieldSet.Empty;
        DateTimeOffset? time = null;
        if (OptionalString(obj, "time", field) is { } timeText)
        {
            if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new FieldManagementException($"{field}.time", $"Invalid value: \"{timeText}\": must be an RFC 3339 time");
            }
            time = TruncateToSeconds(parsed);
        }
        var subresource = OptionalString(obj, "subresource", field);
        return new ManagedFieldsEntry(manager, operation, apiVersion, time, fields, string.IsNullOrEmpty(subresource) ? null : subresource);
    }

    internal static DateTimeOffset TruncateToSeconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static string FormatTime(DateTimeOffset time) =>
        TruncateToSeconds(time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? OptionalString(JsonObject obj, string name, string field)
    {
        if (!obj.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }
        if (value.GetValueKind() != JsonValueKind.String)
        {
            throw new FieldManagementException($"{field}.{name}", $"must be a string, got {ListElements.KindName(value)}");
        }
        return JsonValues.StringOf(value);
    }
}
