using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apiserver's rules for a PodSpec (ValidatePodSpec and the container checks under it), shared by Pods and
/// every pod template: at least one container, each with a unique DNS-label name and an image, valid ports and
/// environment variable names. Fields the apiserver defaults (restartPolicy, port protocol) may be absent.
/// </summary>
internal static class PodSpecRules
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static void Validate(JsonNode? spec, string path, List<FieldViolation> errors)
    {
        var containers = Fields.List(spec, "containers");
        if (containers.Count == 0)
        {
            errors.Add(FieldViolation.Required(path + ".containers"));
        }
        var names = ValidateContainers(containers, path + ".containers", [], errors);
        ValidateContainers(Fields.List(spec, "initContainers"), path + ".initContainers", names, errors);
    }

    /// <summary>The restart policy after defaulting (an absent one becomes <c>Always</c>).</summary>
    public static string RestartPolicy(JsonNode? spec) =>
        Fields.Text(spec, "restartPolicy") is { Length: > 0 } policy ? policy : "Always";

    private static HashSet<string> ValidateContainers(JsonArray containers, string path, HashSet<string> otherNames, List<FieldViolation> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var at = $"{path}[{i}]";
            var name = Fields.Text(container, "name");
            if (name.Length == 0)
            {
                errors.Add(FieldViolation.Required(at + ".name"));
            }
            else
            {
                errors.AddRange(NameFormats.IsDns1123Label(name).Select(message => FieldViolation.Invalid(at + ".name", name, message)));
            }
            if (Fields.Text(container, "image").Length == 0)
            {
                errors.Add(FieldViolation.Required(at + ".image"));
            }
            ValidatePorts(Fields.List(container, "ports"), at + ".ports", errors);
            ValidateEnv(Fields.List(container, "env"), at + ".env", errors);
            if (!names.Add(name) || otherNames.Contains(name))
            {
                errors.Add(FieldViolation.Duplicate(at + ".name", name));
            }
        }
        return names;
    }

    private static void ValidatePorts(JsonArray ports, string path, List<FieldViolation> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var at = $"{path}[{i}]";
            var name = Fields.Text(port, "name");
            if (name.Length > 0)
            {
                var nameErrors = NameFormats.IsValidPortName(name);
                errors.AddRange(nameErrors.Select(message => FieldViolation.Invalid(at + ".name", name, message)));
                if (nameErrors.Count == 0 && !names.Add(name))
                {
                    errors.Add(FieldViolation.Duplicate(at + ".name", name));
                }
            }
            var containerPort = Fields.Integer(port, "containerPort") ?? 0;
            if (containerPort == 0)
            {
                errors.Add(FieldViolation.Required(at + ".containerPort"));
            }
            else
            {
                errors.AddRange(NameFormats.IsValidPortNumber(containerPort).Select(message => FieldViolation.Invalid(at + ".containerPort", containerPort, message)));
            }
            if (Fields.Integer(port, "hostPort") is { } hostPort and not 0)
            {
                errors.AddRange(NameFormats.IsValidPortNumber(hostPort).Select(message => FieldViolation.Invalid(at + ".hostPort", hostPort, message)));
            }
            ValidateProtocol(port, at, errors);
        }
    }

    /// <summary>A port's protocol, when given, is TCP, UDP or SCTP (an absent one is defaulted to TCP).</summary>
    public static void ValidateProtocol(JsonNode? port, string path, List<FieldViolation> errors)
    {
        var protocol = Fields.Text(port, "protocol");
        if (protocol.Length > 0 && !Protocols.Contains(protocol))
        {
            errors.Add(FieldViolation.NotSupported(path + ".protocol", protocol, Protocols));
        }
    }

    private static void ValidateEnv(JsonArray env, string path, List<FieldViolation> errors)
    {
        for (var i = 0; i < env.Count; i++)
        {
            var at = $"{path}[{i}].name";
            var name = Fields.Text(env[i], "name");
            if (name.Length == 0)
            {
                errors.Add(FieldViolation.Required(at));
            }
            else
            {
                errors.AddRange(NameFormats.IsEnvVarName(name).Select(message => FieldViolation.Invalid(at, name, message)));
            }
        }
    }
}
