using System.Text.Json;

namespace Kubemate.ApiMachinery.Json;

/// <summary>
/// Finds, in a JSON document from outside, what a parser lets through but no reader of it can handle: a string or
/// member name that is not text (a byte that is not UTF-8, an escaped lone surrogate such as <c>\ud800</c>) and a
/// member given twice in one object (the last would silently win, or a tree would throw when it is first read). The
/// first such member is named by its path (<c>objects[0].data.k</c>; <c>body</c> for the document itself). A
/// document that is not JSON, or nests too deep, is left to the parser, which names where and why.
/// </summary>
public static class JsonText
{
    public const string NotText = "is not text: it holds a byte that is not UTF-8 or a lone UTF-16 surrogate";

    public const string GivenTwice = "is given twice in one object; give each member once";

    /// <summary>The path of the first member that is not text or is given twice, and why; null when there is none.</summary>
    public static (string Path, string Reason)? FindProblem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonLimits.MaxDepth });
        // One frame per open object or array: the members seen so far (objects) or the next index (arrays).
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Push(new Frame(reader.TokenType == JsonTokenType.StartObject, Path(frames)));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        Advance(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        if (!TryRead(ref reader, out var name))
                        {
                            return (Join(frame.Path, "<member>"), NotText);
                        }
                        frame.Member = name;
                        if (!frame.Seen.Add(name))
                        {
                            return (Join(frame.Path, name), GivenTwice);
                        }
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String && !TryRead(ref reader, out _))
                        {
                            return (frames.Count == 0 ? "body" : Path(frames), NotText);
                        }
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed or too deep: the parser reports it with its line and position.
        }
        return null;
    }

    /// <summary>The string, or false when it is not text (the reader refuses to transcode it).</summary>
    private static bool TryRead(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    /// <summary>After a value inside an array, the next one has the next index.</summary>
    private static void Advance(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var parent) && !parent.IsObject)
        {
            parent.Index++;
        }
    }

    /// <summary>The path of the value being read: the enclosing container's path plus its current member or index.</summary>
    private static string Path(Stack<Frame> frames)
    {
        if (!frames.TryPeek(out var frame))
        {
            return "";
        }
        return frame.IsObject ? Join(frame.Path, frame.Member) : $"{(frame.Path.Length == 0 ? "body" : frame.Path)}[{frame.Index}]";
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private sealed class Frame(bool isObject, string path)
    {
        public bool IsObject { get; } = isObject;

        public string Path { get; } = path;

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public string Member { get; set; } = "";

        public int Index { get; set; }
    }
}
