using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// ConfigMap and Secret keys (ValidateConfigMap, ValidateSecret): every key a valid config key (a file name a
/// volume can hold), no key in both a ConfigMap's <c>data</c> and <c>binaryData</c>, and the keys a typed Secret needs.
/// </summary>
internal static class ConfigDataRules
{
    public static void ValidateConfigMap(JsonObject configMap, List<FieldViolation> errors)
    {
        var data = configMap["data"] as JsonObject ?? [];
        var binary = configMap["binaryData"] as JsonObject ?? [];
        Keys(data, "data", errors);
        foreach (var (key, _) in data.Where(entry => binary.ContainsKey(entry.Key)))
        {
            errors.Add(FieldViolation.Invalid($"data[{key}]", key, "duplicate of key present in binaryData"));
        }
        Keys(binary, "binaryData", errors);
        foreach (var (key, _) in binary.Where(entry => data.ContainsKey(entry.Key)))
        {
            errors.Add(FieldViolation.Invalid($"binaryData[{key}]", key, "duplicate of key present in data"));
        }
    }

    /// <summary>Runs after <see cref="SecretData"/> has folded <c>stringData</c> into <c>data</c>.</summary>
    public static void ValidateSecret(JsonObject secret, List<FieldViolation> errors)
    {
        var data = secret["data"] as JsonObject ?? [];
        Keys(data, "data", errors);
        string[] required = Fields.Text(secret, "type") switch
        {
            "kubernetes.io/tls" => ["tls.crt", "tls.key"],
            "kubernetes.io/dockerconfigjson" => [".dockerconfigjson"],
            "kubernetes.io/dockercfg" => [".dockercfg"],
            "kubernetes.io/ssh-auth" => ["ssh-privatekey"],
            _ => [],
        };
        foreach (var key in required.Where(key => !data.ContainsKey(key)))
        {
            errors.Add(FieldViolation.Required($"data[{key}]"));
        }
    }

    private static void Keys(JsonObject map, string path, List<FieldViolation> errors)
    {
        foreach (var (key, _) in map)
        {
            errors.AddRange(NameFormats.IsConfigMapKey(key).Select(message => FieldViolation.Invalid($"{path}[{key}]", key, message)));
        }
    }
}
