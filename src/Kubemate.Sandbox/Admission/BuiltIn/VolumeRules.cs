using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// A pod's volumes and its containers' mounts (ValidateVolumes, validateVolumeSource, ValidateVolumeMounts): each
/// volume named with a unique DNS-1123 label and given one source (none is defaulted to <c>emptyDir</c> before
/// validation), the sources the sandbox knows carrying what they need; each mount naming a valid volume at a path
/// of its own.
/// </summary>
internal static class VolumeRules
{
    private const string FileModeError = "must be a number between 0 and 0777 (octal), both inclusive";

    /// <summary>
    /// The volume sources in the order the apiserver checks them, with the field it names when a second one is
    /// given (two of those names are misspelt upstream, and kept so).
    /// </summary>
    private static readonly (string Json, string Reported)[] Sources =
    [
        ("emptyDir", "emptyDir"), ("hostPath", "hostPath"), ("gitRepo", "gitRepo"), ("gcePersistentDisk", "gcePersistentDisk"),
        ("awsElasticBlockStore", "awsElasticBlockStore"), ("secret", "secret"), ("nfs", "nfs"), ("iscsi", "iscsi"),
        ("glusterfs", "glusterfs"), ("flocker", "flocker"), ("persistentVolumeClaim", "persistentVolumeClaim"), ("rbd", "rbd"),
        ("cinder", "cinder"), ("cephfs", "cephFS"), ("quobyte", "quobyte"), ("downwardAPI", "downwarAPI"), ("fc", "fc"),
        ("flexVolume", "flexVolume"), ("configMap", "configMap"), ("azureFile", "azureFile"), ("vsphereVolume", "vsphereVolume"),
        ("photonPersistentDisk", "photonPersistentDisk"), ("portworxVolume", "portworxVolume"), ("azureDisk", "azureDisk"),
        ("storageos", "storageos"), ("projected", "projected"), ("scaleIO", "scaleIO"), ("csi", "csi"), ("ephemeral", "ephemeral"),
        ("image", "image"),
    ];

    /// <summary>Validates <c>volumes</c>; returns the names of the valid ones, which mounts may refer to.</summary>
    public static HashSet<string> ValidateVolumes(JsonArray volumes, string path, List<FieldViolation> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            var at = $"{path}[{i}]";
            var volumeErrors = new List<FieldViolation>();
            ValidateSource(volume as JsonObject ?? [], at, volumeErrors);
            var name = Fields.Text(volume, "name");
            if (name.Length == 0)
            {
                volumeErrors.Add(FieldViolation.Required(at + ".name"));
            }
            else
            {
                volumeErrors.AddRange(NameFormats.IsDns1123Label(name).Select(message => FieldViolation.Invalid(at + ".name", name, message)));
            }
            if (names.Contains(name))
            {
                volumeErrors.Add(FieldViolation.Duplicate(at + ".name", name));
            }
            if (volumeErrors.Count == 0)
            {
                names.Add(name);
            }
            errors.AddRange(volumeErrors);
        }
        return names;
    }

    /// <summary>A container's <c>volumeMounts</c> against the pod's valid volumes.</summary>
    public static void ValidateMounts(JsonArray mounts, string path, HashSet<string> volumes, List<FieldViolation> errors)
    {
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mounts.Count; i++)
        {
            var at = $"{path}[{i}]";
            var name = Fields.Text(mounts[i], "name");
            if (name.Length == 0)
            {
                errors.Add(FieldViolation.Required(at + ".name"));
            }
            if (!volumes.Contains(name))
            {
                errors.Add(FieldViolation.NotFound(at + ".name", name));
            }
            var mountPath = Fields.Text(mounts[i], "mountPath");
            if (mountPath.Length == 0)
            {
                errors.Add(FieldViolation.Required(at + ".mountPath"));
            }
            if (!mountPaths.Add(mountPath))
            {
                errors.Add(FieldViolation.Invalid(at + ".mountPath", mountPath, "must be unique"));
            }
        }
    }

    /// <summary>As the apiserver's defaulting does: a volume with no source becomes an <c>emptyDir</c>.</summary>
    public static void DefaultSources(JsonArray volumes)
    {
        foreach (var volume in volumes.OfType<JsonObject>())
        {
            if (!Sources.Any(source => volume[source.Json] is not null))
            {
                volume["emptyDir"] = new JsonObject();
            }
        }
    }

    private static void ValidateSource(JsonObject volume, string path, List<FieldViolation> errors)
    {
        var count = 0;
        foreach (var (json, reported) in Sources)
        {
            if (volume[json] is not { } source)
            {
                continue;
            }
            if (count++ > 0)
            {
                errors.Add(FieldViolation.Forbidden($"{path}.{reported}", "may not specify more than 1 volume type"));
                continue;
            }
            var at = $"{path}.{json}";
            switch (json)
            {
                case "hostPath":
                    RequiredText(source, "path", at, errors);
                    break;
                case "secret":
                    RequiredText(source, "secretName", at, errors);
                    FileMode(source, at, errors);
                    break;
                case "configMap":
                    RequiredText(source, "name", at, errors);
                    FileMode(source, at, errors);
                    break;
                case "persistentVolumeClaim":
                    RequiredText(source, "claimName", at, errors);
                    break;
            }
        }
        if (count == 0)
        {
            errors.Add(FieldViolation.Required(path, "must specify a volume type"));
        }
    }

    private static void RequiredText(JsonNode source, string field, string path, List<FieldViolation> errors)
    {
        if (Fields.Text(source, field).Length == 0)
        {
            errors.Add(FieldViolation.Required($"{path}.{field}"));
        }
    }

    private static void FileMode(JsonNode source, string path, List<FieldViolation> errors)
    {
        if (Fields.Integer(source, "defaultMode") is { } mode && mode is < 0 or > 0x1FF)
        {
            errors.Add(FieldViolation.Invalid(path + ".defaultMode", mode, FileModeError));
        }
    }
}
