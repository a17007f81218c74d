using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apiserver's Service rules (ValidateService): a supported type; ports required unless the service is
/// headless or ExternalName; each port named (DNS label, unique, required when there are several), numbered 1-65535,
/// with a supported protocol and a target port that is a valid number or port name; node ports only on types that
/// open them, and no NodePort or LoadBalancer service headless.
/// </summary>
internal static class ServiceRules
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

    public static void Validate(JsonObject service, List<FieldViolation> errors)
    {
        var spec = service["spec"] as JsonObject ?? [];
        var type = Fields.Text(spec, "type") is { Length: > 0 } given ? given : "ClusterIP";
        if (!Types.Contains(type))
        {
            errors.Add(FieldViolation.NotSupported("spec.type", type, Types));
        }
        var ports = Fields.List(spec, "ports");
        var headless = Fields.Text(spec, "clusterIP") == "None";
        if (ports.Count == 0 && !headless && type != "ExternalName")
        {
            errors.Add(FieldViolation.Required("spec.ports"));
        }
        if (headless && type is "NodePort" or "LoadBalancer")
        {
            errors.Add(FieldViolation.Invalid("spec.clusterIPs[0]", "None", $"may not be set to 'None' for {type} services"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            ValidatePort(ports[i], $"spec.ports[{i}]", ports.Count > 1, names, errors);
        }
        ValidateNodePorts(ports, type, errors);
    }

    /// <summary>Only NodePort and LoadBalancer services open node ports (their range is the allocator's, NodePortAllocation).</summary>
    private static void ValidateNodePorts(JsonArray ports, string type, List<FieldViolation> errors)
    {
        for (var i = 0; i < ports.Count; i++)
        {
            if (type == "ClusterIP" && (Fields.Integer(ports[i], "nodePort") ?? 0) != 0)
            {
                errors.Add(FieldViolation.Forbidden($"spec.ports[{i}].nodePort", "may not be used when `type` is 'ClusterIP'"));
            }
        }
    }

    private static void ValidatePort(JsonNode? port, string path, bool nameRequired, HashSet<string> names, List<FieldViolation> errors)
    {
        var name = Fields.Text(port, "name");
        if (nameRequired && name.Length == 0)
        {
            errors.Add(FieldViolation.Required(path + ".name"));
        }
        else if (name.Length > 0)
        {
            errors.AddRange(NameFormats.IsDns1123Label(name).Select(message => FieldViolation.Invalid(path + ".name", name, message)));
            if (!names.Add(name))
            {
                errors.Add(FieldViolation.Duplicate(path + ".name", name));
            }
        }
        var number = Fields.Integer(port, "port") ?? 0;
        errors.AddRange(NameFormats.IsValidPortNumber(number).Select(message => FieldViolation.Invalid(path + ".port", number, message)));
        PodSpecRules.ValidateProtocol(port, path, errors);
        ValidateTargetPort(port?["targetPort"], path + ".targetPort", errors);
    }

    /// <summary>An IntOrString: a number is a port number, a string a port name; 0 and "" are defaulted to the port.</summary>
    private static void ValidateTargetPort(JsonNode? target, string path, List<FieldViolation> errors)
    {
        if (target is not JsonValue value)
        {
            return;
        }
        if (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } portName)
        {
            errors.AddRange(NameFormats.IsValidPortName(portName).Select(message => FieldViolation.Invalid(path, portName, message)));
        }
        else if (value.GetValueKind() == JsonValueKind.Number && ApiMachinery.Json.JsonNumbers.TryGetInt64(value, out var number) && number != 0)
        {
            errors.AddRange(NameFormats.IsValidPortNumber(number).Select(message => FieldViolation.Invalid(path, number, message)));
        }
    }
}
