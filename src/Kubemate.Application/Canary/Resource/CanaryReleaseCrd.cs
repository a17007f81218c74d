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
    private const string RolesResourceName = "Kubemate.Application.Canary.Crd.canaryreleases-rbac.yaml";

    public static string Yaml() => Embedded(ResourceName);

    public static JsonObject Definition() => (JsonObject)YamlJson.ParseDocuments(Yaml()).Single();

    /// <summary>The ClusterRoles that aggregate release rights into the default edit/admin and view roles.</summary>
    public static IReadOnlyList<JsonObject> Roles() => YamlJson.ParseDocuments(Embedded(RolesResourceName)).Cast<JsonObject>().ToList();

    private static string Embedded(string name)
    {
        using var stream = typeof(CanaryReleaseCrd).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the assembly lacks its embedded {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
