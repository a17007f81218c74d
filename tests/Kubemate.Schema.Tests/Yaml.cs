using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Schema.Tests;

/// <summary>Test inputs written as YAML.</summary>
internal static class Yaml
{
    public static JsonObject Object(string yaml) => (JsonObject)YamlJson.Parse(yaml)!;

    public static StructuralSchema Schema(string yaml) => StructuralSchema.Parse(YamlJson.Parse(yaml)!);

    public static IReadOnlyList<string> Messages(IEnumerable<FieldError> errors) => errors.Select(error => error.Message).ToList();
}
