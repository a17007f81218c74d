using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Application.Canary.Resource;

/// <summary>
/// The <c>CanaryRelease</c> custom resource definition (<c>kubemate.io/v1alpha1</c>, namespaced, status subresource)
/// that Kubemate installs; the YAML is embedded from <c>Canary/Crd/canaryreleases.kubemate.io.yaml</c>.
/// </summary>
public static class CanaryReleaseCrd
{
    public const string Group = "kubemate.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string Kind = "CanaryRelease";
    public const string Plural = "canaryreleases";
    public const string Name = Plural + "." + Group;

    private const string ResourceName = "Kubemate.Application.Canary.Crd." + Name + ".yaml";

    public static string Yaml()
    {
        using var stream = typeof(CanaryReleaseCrd).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly lacks its embedded {ResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static JsonObject Definition() => (JsonObject)YamlJson.ParseDocuments(Yaml()).Single();
}
