using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Rbac;
using YamlDotNet.RepresentationModel;

namespace Kubemate.ApiMachinery.Tests.Rbac;

/// <summary>Builds authorizers from the same YAML an operator would apply with kubectl.</summary>
internal static class RbacYaml
{
    /// <summary>
    /// Reads the RBAC fixtures, whose scalars are all strings. It does not use <c>YamlJson.ParseDocuments</c>, which
    /// currently throws "Cannot read the Value of a non-specific tag" on every plain scalar.
    /// </summary>
    public static List<JsonObject> Objects(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(document => (JsonObject)ToJson(document.RootNode)!).ToList();
    }

    public static RbacAuthorizer Authorizer(string yaml) => new(Objects(yaml));

    /// <summary>A user as the sandbox would see them after authentication.</summary>
    public static UserInfo User(string name, params string[] groups) => UserInfo.Authenticated(name, groups);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new InvalidOperationException("unsupported YAML node " + node.NodeType),
    };
}
