using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Renderers.Tests.Support;

/// <summary>Compares rendered objects with a YAML file under Golden/; <c>KUBEMATE_UPDATE_GOLDEN=1</c> rewrites the files instead.</summary>
internal static class Golden
{
    public static void Verify(string name, IEnumerable<JsonObject> objects)
    {
        var actual = YamlJson.SerializeDocuments(objects);
        var path = Path.Combine(RepoPaths.Root, "tests", "Kubemate.Renderers.Tests", "Golden", name + ".yaml");
        if (Environment.GetEnvironmentVariable("KUBEMATE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with KUBEMATE_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(path);
        Assert.True(expected == actual, $"{name} differs from its golden file {path} (rerun with KUBEMATE_UPDATE_GOLDEN=1 if the change is intended):\n{actual}");
    }
}
