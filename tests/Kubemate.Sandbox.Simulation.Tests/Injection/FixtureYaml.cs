using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

/// <summary>
/// Reads the fixture YAML into JSON trees (quoted scalars are strings; plain ones become null, booleans, numbers or
/// strings as sigs.k8s.io/yaml reads them).
/// </summary>
/// <remarks>
/// Stands in for <c>YamlJson.ParseDocuments</c>, which at the time of writing throws "Cannot read the Value of a
/// non-specific tag" on every plain scalar (it reads <c>scalar.Tag.Value</c> for untagged scalars).
/// </remarks>
internal static class FixtureYaml
{
    public static IReadOnlyList<JsonNode> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonNode>().ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any)
        {
            return JsonValue.Create(value);
        }
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && !HasLeadingZero(value) => JsonValue.Create(integer),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && char.IsAsciiDigit(value[^1]) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }

    private static bool HasLeadingZero(string value) => value.TrimStart('-', '+') is { Length: > 1 } digits && digits[0] == '0';
}
