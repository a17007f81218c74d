using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubemate.ApiMachinery.Yaml;

/// <summary>
/// Builds JSON trees from YAML parser events with an explicit stack (no recursion, whatever the nesting), resolving
/// aliases as copies, within <see cref="YamlLimits"/>: a stream over a limit is refused with the limit and the line,
/// before the nodes that would exceed it are made.
/// </summary>
internal sealed class YamlTreeReader(YamlLimits limits)
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _open = new();
    private long _nodes;
    private long _characters;

    public IReadOnlyList<JsonNode> Read(string yaml)
    {
        var documents = new List<JsonNode>();
        var parser = new Parser(new StringReader(yaml));
        JsonNode? root = null;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        _anchors.Clear();
                        root = null;
                        break;
                    case DocumentEnd when root is not null:
                        documents.Add(root);
                        break;
                    case Scalar scalar:
                        Count(1, scalar.Value.Length, scalar.Start);
                        CheckText(scalar);
                        var value = YamlJson.ToJsonScalar(scalar.Value, scalar.Style, scalar.Tag);
                        Remember(scalar.Anchor, value, 1, scalar.Value.Length);
                        Place(value, scalar, ref root);
                        break;
                    case AnchorAlias alias:
                        Place(Expand(alias), alias, ref root);
                        break;
                    case SequenceStart start:
                        Open(new JsonArray(), start.Anchor, start);
                        break;
                    case MappingStart start:
                        Open(new JsonObject(), start.Anchor, start);
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = _open.Pop();
                        Remember(frame.Anchor, frame.Node, _nodes - frame.NodesBefore, _characters - frame.CharactersBefore);
                        Place(frame.Node, parser.Current, ref root);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            throw new YamlFormatException($"invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        return documents;
    }

    private void Open(JsonNode node, AnchorName anchor, ParsingEvent at)
    {
        if (_open.Count >= limits.MaxDepth)
        {
            throw new YamlFormatException($"YAML nested deeper than the limit of {limits.MaxDepth} levels at line {at.Start.Line}, column {at.Start.Column}");
        }
        Count(1, 0, at.Start);
        _open.Push(new Frame(node, anchor, _nodes, _characters));
    }

    /// <summary>Puts a finished node where it belongs: the document's root, the next item, or a mapping's key or value.</summary>
    private void Place(JsonNode? node, ParsingEvent at, ref JsonNode? root)
    {
        if (!_open.TryPeek(out var parent))
        {
            root = node;
            return;
        }
        switch (parent.Node)
        {
            case JsonArray array:
                array.Add(node);
                break;
            case JsonObject when parent.Key is null:
                parent.Key = Key(at);
                break;
            case JsonObject obj:
                obj[parent.Key] = node;
                parent.Key = null;
                break;
        }
    }

    private string Key(ParsingEvent at)
    {
        if (at is not Scalar scalar)
        {
            throw new YamlFormatException($"mapping keys must be scalars (line {at.Start.Line})");
        }
        if (scalar.Value == "<<")
        {
            throw new YamlFormatException($"YAML merge keys are not supported (line {at.Start.Line})");
        }
        CheckText(scalar);
        var obj = (JsonObject)_open.Peek().Node;
        if (obj.ContainsKey(scalar.Value))
        {
            throw new YamlFormatException($"duplicate key \"{scalar.Value}\" at line {at.Start.Line}");
        }
        return scalar.Value;
    }

    private JsonNode? Expand(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new YamlFormatException($"alias *{alias.Value.Value} at line {alias.Start.Line} refers to no anchor before it");
        }
        // Counted as the nodes it expands to, before they are made.
        Count(anchored.Nodes, anchored.Characters, alias.Start);
        return anchored.Node?.DeepClone();
    }

    private void Remember(AnchorName anchor, JsonNode? node, long nodes, long characters)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = new Anchored(node, nodes, characters);
        }
    }

    /// <summary>An escape such as <c>"\ud800"</c> makes a lone surrogate, which no UTF-8 writer can write: not text.</summary>
    private static void CheckText(Scalar scalar)
    {
        try
        {
            StrictUtf8.GetByteCount(scalar.Value);
        }
        catch (System.Text.EncoderFallbackException)
        {
            throw new YamlFormatException($"the value at line {scalar.Start.Line}, column {scalar.Start.Column} is not text: it holds a lone UTF-16 surrogate");
        }
    }

    private void Count(long nodes, long characters, Mark at)
    {
        _nodes += nodes;
        _characters += characters;
        if (_nodes > limits.MaxNodes)
        {
            throw new YamlFormatException($"YAML expands to more than the limit of {limits.MaxNodes} nodes (line {at.Line}); aliases count as the nodes they repeat");
        }
        if (_characters > limits.MaxScalarCharacters)
        {
            throw new YamlFormatException($"YAML expands to more than the limit of {limits.MaxScalarCharacters} characters of values (line {at.Line}); aliases count as the values they repeat");
        }
    }

    private sealed class Frame(JsonNode node, AnchorName anchor, long nodesBefore, long charactersBefore)
    {
        public JsonNode Node { get; } = node;

        public AnchorName Anchor { get; } = anchor;

        public long NodesBefore { get; } = nodesBefore;

        public long CharactersBefore { get; } = charactersBefore;

        /// <summary>In a mapping: the key read, waiting for its value.</summary>
        public string? Key { get; set; }
    }

    private sealed record Anchored(JsonNode? Node, long Nodes, long Characters);
}
