using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The apiserver's rules for a PodSpec (ValidatePodSpec and the container checks under it), shared by Pods and
/// every pod template: valid volumes; at least one container, each with a unique DNS-label name and an image, mounts
/// of existing volumes, valid ports, environment variable names, resources and probes. Fields the apiserver defaults
/// (restartPolicy, port protocol, probe timings) may be absent.
/// </summary>
internal static class PodSpecRules
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <param name="claimVolumes">Names mounts may use besides the pod's volumes: a StatefulSet's volume claim templates.</param>
    public static void Validate(JsonNode? spec, string path, List<FieldViolation> errors, IEnumerable<string>? claimVolumes = null)
    {
        var volumes = VolumeRules.ValidateVolumes(Fields.List(spec, "volumes"), path + ".volumes", errors);
        volumes.UnionWith(claimVolumes ?? []);
        var containers = Fields.List(spec, "containers");
        if (containers.Count == 0)
        {
            errors.Add(FieldViolation.Required(path + ".containers"));
        }
        var pod = new PodContext(volumes, []);
        ValidateContainers(containers, path + ".containers", pod, initContainers: false, errors);
        ValidateContainers(Fields.List(spec, "initContainers"), path + ".initContainers", pod, initContainers: true, errors);
    }

    /// <summary>The restart policy after defaulting (an absent one becomes <c>Always</c>).</summary>
    public static string RestartPolicy(JsonNode? spec) =>
        Fields.Text(spec, "restartPolicy") is { Length: > 0 } policy ? policy : "Always";

    /// <summary>What the containers of one pod share: its valid volumes and the container names taken so far.</summary>
    private sealed record PodContext(HashSet<string> Volumes, HashSet<string> ContainerNames);

    private static void ValidateContainers(JsonArray containers, string path, PodContext pod, bool initContainers, List<FieldViolation> errors)
    {
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
            VolumeRules.ValidateMounts(Fields.List(container, "volumeMounts"), at + ".volumeMounts", pod.Volumes, errors);
            ValidatePorts(Fields.List(container, "ports"), at + ".ports", errors);
            ValidateEnv(Fields.List(container, "env"), at + ".env", errors);
            ResourceRules.Validate(container?["resources"], at + ".resources", errors);
            if (!pod.ContainerNames.Add(name))
            {
                errors.Add(FieldViolation.Duplicate(at + ".name", name));
            }
            ProbeRules.Validate(container, at, initContainers, errors);
        }
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
