using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Apply;
using Kubemate.Model.Validation;

namespace Kubemate.Direct;

/// <summary>
/// The objects given with <c>apply -f</c> (a file, or <c>-</c> for standard input): multi-document YAML or a JSON
/// List, checked before anything is sent so bad input names the document and field and changes nothing.
/// </summary>
public static class ManifestInput
{
    /// <summary>The text and its change set, or null with problems (each starting with the flag and the source).</summary>
    public static (string Text, ChangeSet Changes)? Read(string path, string flag, TextReader standardInput, List<ValidationProblem> problems)
    {
        string text;
        try
        {
            text = path == "-" ? standardInput.ReadToEnd() : YamlText.ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or YamlFormatException)
        {
            problems.Add(new(flag, $"cannot read '{path}': {ex.Message}"));
            return null;
        }
        var source = path == "-" ? "stdin" : path;
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlJson.ParseDocuments(text);
        }
        catch (FormatException error)
        {
            problems.Add(new($"{flag} {source}", error.Message));
            return null;
        }
        var before = problems.Count;
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is not JsonObject)
            {
                problems.Add(new($"{flag} {source}: document {i + 1}", "is not an object (expected a Kubernetes manifest or a List)"));
            }
        }
        var objects = YamlJson.ExpandLists(documents).ToList();
        for (var i = 0; i < objects.Count; i++)
        {
            CheckIdentityTypes(objects[i], $"{flag} {source}: objects[{i}]", problems);
        }
        if (problems.Count > before)
        {
            return null;
        }
        var changes = ChangeSet.ApplyAll(objects);
        if (changes.Changes.Count == 0 && problems.Count == before)
        {
            problems.Add(new($"{flag} {source}", "holds no objects"));
        }
        if (problems.Count > before)
        {
            return null;
        }
        try
        {
            ChangeSetValidation.Validate(changes);
        }
        catch (ArgumentException error)
        {
            // "invalid change set: changes[0].object.kind: required; ..." → one problem per field, numbered like the objects.
            var reasons = error.Message.Replace("invalid change set: ", "", StringComparison.Ordinal).Split("; ");
            foreach (var reason in reasons)
            {
                var colon = reason.IndexOf(": ", StringComparison.Ordinal);
                problems.Add(colon < 0
                    ? new($"{flag} {source}", reason)
                    : new($"{flag} {source}: {reason[..colon].Replace("changes[", "objects[", StringComparison.Ordinal)}", reason[(colon + 2)..].Split(" (Parameter")[0]));
            }
            return null;
        }
        return (text, changes);
    }

    /// <summary>
    /// The members an object's identity is read from must be strings (and metadata an object) before it is read, and
    /// its name and namespace Kubernetes names.
    /// </summary>
    private static void CheckIdentityTypes(JsonObject obj, string path, List<ValidationProblem> problems)
    {
        foreach (var member in new[] { "apiVersion", "kind" })
        {
            if (obj[member] is { } value && value.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                problems.Add(new($"{path}.{member}", "must be a string"));
            }
        }
        if (obj["metadata"] is { } metadata && metadata is not JsonObject)
        {
            problems.Add(new($"{path}.metadata", "must be an object"));
            return;
        }
        foreach (var member in new[] { "name", "namespace", "generateName" })
        {
            if (obj["metadata"]?[member] is { } value && value.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                problems.Add(new($"{path}.metadata.{member}", "must be a string"));
                return;
            }
        }
        // Names are checked as the REST API checks them, before anything is sent.
        if ((string?)obj["metadata"]?["name"] is { } name)
        {
            var kind = TextOrNull(obj["kind"]);
            problems.AddRange(kind == "Namespace" ? NameChecks.Dns1123Label(name, $"{path}.metadata.name")
                : NameFormats.NamedByPathSegment(TextOrNull(obj["apiVersion"]), kind)
                    ? NameFormats.IsPathSegmentName(name).Select(problem => new ValidationProblem($"{path}.metadata.name", problem))
                : NameChecks.Dns1123Subdomain(name, $"{path}.metadata.name"));
        }
        if ((string?)obj["metadata"]?["namespace"] is { } ns)
        {
            problems.AddRange(NameChecks.Dns1123Label(ns, $"{path}.metadata.namespace"));
        }
    }

    private static string? TextOrNull(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
