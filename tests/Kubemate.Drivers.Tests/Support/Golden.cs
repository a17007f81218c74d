using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Drivers.Tests.Support;

/// <summary>Compares rendered objects with a YAML golden file; <c>KUBEMATE_UPDATE_GOLDEN=1</c> rewrites the files instead.</summary>
public static class Golden
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Kubemate.Drivers.Tests", "Golden");

    public static void AssertMatches(string name, IEnumerable<JsonObject> objects)
    {
        var actual = YamlJson.SerializeDocuments(objects);
        var path = Path.Combine(Directory, name + ".yaml");
        if (Environment.GetEnvironmentVariable("KUBEMATE_UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with KUBEMATE_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
