using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Import;

/// <summary>
/// The Kubernetes objects to import: multi-document YAML or JSON, Lists expanded. Every object needs
/// <c>apiVersion</c> and <c>kind</c>, and no object may be given twice; every problem is reported, each under its
/// source and document.
/// </summary>
public static class ObjectInput
{
    /// <param name="field">What the inputs are called in problems about all of them together (<c>-f</c>, <c>objects</c>).</param>
    public static IReadOnlyList<JsonObject> Parse(IReadOnlyList<SourceText> sources, string field, List<ValidationProblem> problems)
    {
        var objects = new List<JsonObject>();
        var before = problems.Count;
        foreach (var source in sources)
        {
            List<JsonObject> read;
            try
            {
                read = [.. YamlJson.ExpandLists(YamlJson.ParseDocuments(source.Text))];
            }
            catch (YamlFormatException ex)
            {
                problems.Add(new(source.Name, ex.Message));
                continue;
            }
            for (var i = 0; i < read.Count; i++)
            {
                foreach (var member in new[] { "apiVersion", "kind" })
                {
                    if (read[i][member] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                    {
                        problems.Add(new(FieldPath.Child(FieldPath.Index(source.Name, i), member), "is required: every object needs apiVersion and kind"));
                    }
                }
            }
            objects.AddRange(read);
        }
        if (objects.Count == 0 && sources.Count > 0 && problems.Count == before)
        {
            problems.Add(new(field, "holds no Kubernetes objects"));
        }
        foreach (var duplicate in objects.GroupBy(ObjectIdentity.Of).Where(g => g.Count() > 1))
        {
            problems.Add(new(field, $"{duplicate.Key} is given {duplicate.Count()} times"));
        }
        return objects;
    }
}
