using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>
/// Reads a model file: multi-document YAML, one <c>{kind, spec}</c> document per model. Every problem of every
/// document is reported, each under <c>&lt;source&gt;[&lt;document&gt;]</c> and the field's path.
/// </summary>
public static class ModelFileReader
{
    public static (ModelSet Models, IReadOnlyList<ValidationProblem> Problems) Read(string yaml, string source)
    {
        IReadOnlyList<JsonNode> nodes;
        try
        {
            nodes = YamlJson.ParseDocuments(yaml);
        }
        catch (YamlFormatException ex)
        {
            return (ModelSet.Empty, [new(source, ex.Message)]);
        }
        var documents = new List<ModelDocument>();
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var origin = FieldPath.Index(source, i);
            if (ReadDocument(nodes[i], origin, problems) is { } model)
            {
                documents.Add(new(model, FieldPath.Child(origin, "spec")));
            }
        }
        if (nodes.Count == 0)
        {
            problems.Add(new(source, "holds no model documents"));
        }
        return (new ModelSet(documents), problems);
    }

    private static object? ReadDocument(JsonNode node, string origin, List<ValidationProblem> problems)
    {
        if (node is not JsonObject document)
        {
            problems.Add(new(origin, "a model document is an object with kind and spec"));
            return null;
        }
        var known = string.Join(", ", ModelKinds.All.Select(k => k.Name));
        var kindName = document["kind"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (document.ContainsKey("apiVersion"))
        {
            problems.Add(new(origin, $"is a Kubernetes object ({document["apiVersion"]} {kindName}), not a model document: turn it into a model with kubemate import"));
            return null;
        }
        var kind = kindName is null ? null : ModelKinds.Find(kindName);
        if (kind is null)
        {
            problems.Add(new(FieldPath.Child(origin, "kind"), kindName is null ? $"is required (one of {known})" : $"'{kindName}' is not a model kind (one of {known})"));
            return null;
        }
        foreach (var (key, _) in document.Where(p => p.Key is not ("kind" or "spec")))
        {
            problems.Add(new(FieldPath.Child(origin, key), "unknown field (a model document has only kind and spec)"));
        }
        if (document["spec"] is not JsonObject spec)
        {
            problems.Add(new(FieldPath.Child(origin, "spec"), "is required and must be an object"));
            return null;
        }
        try
        {
            return kind.Read(spec);
        }
        catch (JsonException ex)
        {
            problems.Add(JsonProblems.From(ex, FieldPath.Child(origin, "spec")));
            return null;
        }
    }
}
