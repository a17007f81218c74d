using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>Small helpers to write the estate's manifests as YAML and turn them into objects.</summary>
internal static class Manifests
{
    public static List<JsonObject> Parse(string yaml) => YamlJson.ExpandLists(YamlJson.ParseDocuments(yaml)).ToList();

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static JsonObject TlsSecret(string ns, string name, PemCertificate certificate, string? caPem = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        var data = new JsonObject
        {
            ["tls.crt"] = Base64(certificate.CertificatePem),
            ["tls.key"] = Base64(certificate.PrivateKeyPem),
        };
        if (caPem is not null)
        {
            data["ca.crt"] = Base64(caPem);
        }
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = metadata,
            ["type"] = "kubernetes.io/tls",
            ["data"] = data,
        };
    }
}
