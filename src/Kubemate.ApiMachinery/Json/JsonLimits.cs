using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Json;

/// <summary>
/// The one nesting limit of every JSON (and YAML) document Kubemate reads, on every surface: request bodies of the
/// sandbox and of the REST API, manifests and model files given to the CLI. Kubemate's own records of what it
/// accepted (stored objects with the server's managedFields, journal lines, snapshots, list and watch responses)
/// wrap an accepted document in a few more levels, so they are read with <see cref="StoredMaxDepth"/>: whatever
/// was accepted can always be read back.
/// </summary>
public static class JsonLimits
{
    /// <summary>
    /// How deep a document may nest (objects and arrays, the outermost counting as one). Kubernetes' own decoder
    /// stops at 10,000 levels; no Kubernetes object or CRD schema comes near 128, and 128 keeps every recursive
    /// walk over an object (merge patches, field management, diffs) far from the end of a thread's stack.
    /// </summary>
    public const int MaxDepth = 128;

    /// <summary>
    /// How deep Kubemate's own documents may nest: an accepted object (at most <see cref="MaxDepth"/>) plus its
    /// managedFields, which mirror its fields five levels down, plus the journal line, snapshot or list around it.
    /// </summary>
    public const int StoredMaxDepth = 2 * MaxDepth;

    /// <summary>Options for documents from outside: request bodies and files.</summary>
    public static JsonDocumentOptions Input { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>Options for documents Kubemate wrote or a cluster sent: the journal, the snapshot, API responses.</summary>
    public static JsonDocumentOptions Stored { get; } = new() { MaxDepth = StoredMaxDepth };

    /// <summary>Serializer options for writing Kubemate's own documents (System.Text.Json's default stops at 64 levels).</summary>
    public static JsonSerializerOptions StoredSerializer { get; } = new() { MaxDepth = StoredMaxDepth };

    /// <summary>Parses a document from outside.</summary>
    /// <exception cref="JsonDepthException">nested deeper than <see cref="MaxDepth"/>.</exception>
    /// <exception cref="JsonTextException">a string that is not text or a member given twice (<see cref="JsonText"/>).</exception>
    /// <exception cref="JsonException">not JSON.</exception>
    public static JsonNode? ParseInput(ReadOnlySpan<byte> json)
    {
        try
        {
            var node = JsonNode.Parse(json, documentOptions: Input);
            if (JsonText.FindProblem(json) is { } problem)
            {
                throw new JsonTextException(problem.Path, problem.Reason);
            }
            return node;
        }
        catch (JsonException error) when (DeepestOpening(json) is { } at)
        {
            throw new JsonDepthException(MaxDepth, at.Line, at.Position, error);
        }
    }

    /// <inheritdoc cref="ParseInput(ReadOnlySpan{byte})"/>
    public static JsonNode? ParseInput(string json) => ParseInput(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// The path of the first value nested deeper than <paramref name="limit"/> levels (the outermost object or array
    /// is level 1), or null when the tree fits. Members at the <paramref name="ignored"/> paths (dotted, such as
    /// <c>metadata.managedFields</c>) are not measured. Walks without recursion, so any tree can be measured.
    /// </summary>
    public static string? PathBeyond(JsonNode? root, int limit = MaxDepth, IReadOnlyCollection<string>? ignored = null)
    {
        var pending = new Stack<(JsonNode Node, int Depth, string Path)>();
        if (root is JsonObject or JsonArray)
        {
            pending.Push((root, 1, ""));
        }
        while (pending.Count > 0)
        {
            var (node, depth, path) = pending.Pop();
            if (depth > limit)
            {
                return path.Length == 0 ? "<root>" : path;
            }
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    if (child is JsonObject or JsonArray && ignored?.Contains(childPath) != true)
                    {
                        pending.Push((child, depth + 1, childPath));
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        pending.Push((array[i]!, depth + 1, $"{path}[{i}]"));
                    }
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Where the document opens an object or array beyond <see cref="MaxDepth"/> (1-based line and byte), or null
    /// when it fails for another reason first. Uses a reader that only tracks depth, never builds a tree.
    /// </summary>
    private static (long Line, long Position)? DeepestOpening(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return Position(json, reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static (long Line, long Position) Position(ReadOnlySpan<byte> json, long index)
    {
        var before = json[..(int)index];
        var lines = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (lines + 1, index - lineStart + 1);
    }
}

/// <summary>A member of a document that is not text or is given twice: its path and why.</summary>
public sealed class JsonTextException(string path, string reason) : JsonException($"{path}: {reason}")
{
    public string Field { get; } = path;
}

/// <summary>A document nested deeper than the limit: the limit and where the first level too many opens.</summary>
public sealed class JsonDepthException(int limit, long line, long position, Exception? inner = null)
    : JsonException($"nested deeper than the limit of {limit} levels (line {line}, byte {position})", inner)
{
    public int Limit { get; } = limit;
}
