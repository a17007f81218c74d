using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// A container's liveness, readiness and startup probes (validateProbe, validateHandler and the per-probe rules):
/// exactly one handler, a valid port or command for it, no negative timing, a success threshold of 1 where only 1
/// makes sense. The apiserver defaults zero timeout, period and thresholds (1, 10, 1, 3) before validating, so only
/// negative values and a liveness or startup success threshold above 1 are refused. Init containers may only have
/// probes when they restart Always (sidecars).
/// </summary>
internal static class ProbeRules
{
    private const string Negative = "must be greater than or equal to 0";
    private const string InitContainerForbidden = "may not be set for init containers without restartPolicy=Always";
    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];
    private static readonly string[] Handlers = ["exec", "httpGet", "tcpSocket", "grpc"];
    private static readonly string[] Timings = ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"];
    private static readonly string[] Schemes = ["HTTP", "HTTPS"];

    public static void Validate(JsonNode? container, string path, bool initContainer, List<FieldViolation> errors)
    {
        var sidecar = Fields.Text(container, "restartPolicy") == "Always";
        foreach (var name in Probes)
        {
            if (container?[name] is not JsonObject probe)
            {
                continue;
            }
            var at = $"{path}.{name}";
            if (initContainer && !sidecar)
            {
                errors.Add(FieldViolation.Forbidden(at, InitContainerForbidden));
                continue;
            }
            ValidateProbe(probe, at, errors);
            var successThreshold = Fields.Integer(probe, "successThreshold") is { } given and not 0 ? given : 1;
            if (name != "readinessProbe" && successThreshold != 1)
            {
                errors.Add(FieldViolation.Invalid(at + ".successThreshold", successThreshold, "must be 1"));
            }
            if (name == "readinessProbe" && Fields.Integer(probe, "terminationGracePeriodSeconds") is { } grace)
            {
                errors.Add(FieldViolation.Invalid(at + ".terminationGracePeriodSeconds", grace, "must not be set for readinessProbes"));
            }
        }
    }

    private static void ValidateProbe(JsonObject probe, string path, List<FieldViolation> errors)
    {
        var handlers = 0;
        foreach (var handler in Handlers)
        {
            if (probe[handler] is not { } action)
            {
                continue;
            }
            if (handlers++ > 0)
            {
                errors.Add(FieldViolation.Forbidden($"{path}.{handler}", "may not specify more than 1 handler type"));
                continue;
            }
            ValidateHandler(handler, action, $"{path}.{handler}", errors);
        }
        if (handlers == 0)
        {
            errors.Add(FieldViolation.Required(path, "must specify a handler type"));
        }
        foreach (var timing in Timings)
        {
            if (Fields.Integer(probe, timing) is { } value and < 0)
            {
                errors.Add(FieldViolation.Invalid($"{path}.{timing}", value, Negative));
            }
        }
        if (Fields.Integer(probe, "terminationGracePeriodSeconds") is { } grace and <= 0)
        {
            errors.Add(FieldViolation.Invalid(path + ".terminationGracePeriodSeconds", grace, "must be greater than 0"));
        }
    }

    private static void ValidateHandler(string handler, JsonNode action, string path, List<FieldViolation> errors)
    {
        switch (handler)
        {
            case "exec" when Fields.List(action, "command").Count == 0:
                errors.Add(FieldViolation.Required(path + ".command"));
                break;
            case "httpGet":
                PortNumberOrName(action["port"], path + ".port", errors);
                if (Fields.Text(action, "scheme") is { Length: > 0 } scheme && !Schemes.Contains(scheme))
                {
                    errors.Add(FieldViolation.NotSupported(path + ".scheme", scheme, Schemes));
                }
                break;
            case "tcpSocket":
                PortNumberOrName(action["port"], path + ".port", errors);
                break;
            case "grpc":
                var port = Fields.Integer(action, "port") ?? 0;
                errors.AddRange(NameFormats.IsValidPortNumber(port).Select(message => FieldViolation.Invalid(path + ".port", port, message)));
                break;
        }
    }

    /// <summary>An IntOrString port (ValidatePortNumOrName): a number 1-65535 or an IANA port name; absent is the number 0.</summary>
    public static void PortNumberOrName(JsonNode? port, string path, List<FieldViolation> errors)
    {
        if (port is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var name = value.GetValue<string>();
            errors.AddRange(NameFormats.IsValidPortName(name).Select(message => FieldViolation.Invalid(path, name, message)));
            return;
        }
        var number = JsonNumbers.TryGetInt64(port, out var given) ? given : 0;
        errors.AddRange(NameFormats.IsValidPortNumber(number).Select(message => FieldViolation.Invalid(path, number, message)));
    }
}
