using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Kubemate.Testing.BadInput;

/// <summary>What was done to a valid document to make it bad input.</summary>
public enum Mutation
{
    WrongType,
    Truncated,
    InvalidUtf8,
    LoneSurrogate,
    Deep,
    DuplicateKey,
    UnknownField,
    BadName,
    Oversized,
    AliasBomb,
}

/// <summary>
/// A bad document: the mutation, the member it hit, the bytes, and a pattern the refusal must match (the member's
/// name, or the limit it broke).
/// </summary>
public sealed record BadDocument(Mutation Mutation, string Target, byte[] Bytes, string Mentions)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"{Mutation} at {Target} ({Bytes.Length} bytes): {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}

/// <summary>
/// What a surface is given and may refuse: a valid document, the members whose JSON type Kubemate or Kubernetes
/// fixes, the string members whose text it reads, where the object's name is (if it has one), the largest body it
/// reads, and which mutations apply to it.
/// </summary>
public sealed record BadDocumentSpec(
    JsonObject Valid, IReadOnlyList<string> TypedMembers, IReadOnlyList<string> TextMembers, string? NamePath, long BodyLimit, IReadOnlyList<Mutation> Mutations);

/// <summary>
/// CsCheck generators of bad input: a valid document with one random mutation (a member of the wrong type, the text
/// cut short, a byte that is not UTF-8, an escaped lone surrogate, nesting up to 100,000 levels, a member given twice,
/// an unknown member, a bad name, a body over the limit, a YAML alias bomb). Every document is written as JSON,
/// which is also YAML, so the same generator serves JSON and YAML surfaces.
/// </summary>
public static class BadDocuments
{
    private const string Marker = "kubemate-corpus-marker";

    public static Gen<BadDocument> Of(BadDocumentSpec spec) =>
        Gen.OneOf([.. spec.Mutations]).SelectMany(mutation => Mutate(spec, mutation));

    private static Gen<BadDocument> Mutate(BadDocumentSpec spec, Mutation mutation) => mutation switch
    {
        Mutation.WrongType => Gen.OneOf([.. spec.TypedMembers]).SelectMany(path => Gen.Int[0, 4].Select(choice =>
        {
            var doc = (JsonObject)spec.Valid.DeepClone();
            var current = Get(doc, path);
            JsonNode[] others = [JsonValue.Create(42), JsonValue.Create(true), new JsonArray(JsonValue.Create("x")), new JsonObject { ["x"] = 1 }, JsonValue.Create("text")];
            var swaps = others.Where(o => o.GetValueKind() != current?.GetValueKind()).ToArray();
            Set(doc, path, swaps[choice % swaps.Length]);
            // A list of the wrong type may be reported at the member holding it (model files do).
            var parent = path.Contains('.') ? Leaf(path[..path.LastIndexOf('.')]) : path;
            return new BadDocument(mutation, path, Bytes(doc), $"{Leaf(path)}|{parent}");
        })),
        Mutation.Truncated => Gen.Int[1, 1_000_000].Select(at =>
        {
            var bytes = Bytes(spec.Valid);
            return new BadDocument(mutation, "body", bytes[..(1 + at % (bytes.Length - 1))], "line|position|body|YAML|JSON|EOF|end|expected|malformed|parse|decode");
        }),
        Mutation.InvalidUtf8 => StringMembers(spec).SelectMany(path => Gen.OneOf<byte[]>([0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]).Select(bad =>
            new BadDocument(mutation, path, Replace(spec.Valid, path, bad), $"{Leaf(path)}|UTF-8|text"))),
        Mutation.LoneSurrogate => StringMembers(spec).SelectMany(path => Gen.OneOf("\\ud800", "\\udfff", "a\\ud83db").Select(bad =>
            new BadDocument(mutation, path, Replace(spec.Valid, path, Encoding.UTF8.GetBytes(bad)), $"{Leaf(path)}|surrogate|UTF|text"))),
        Mutation.Deep => Gen.Int[129, 100_000].SelectMany(depth => Gen.Bool.Select(arrays =>
        {
            var open = arrays ? "[" : "{\"a\":";
            var close = arrays ? "]" : "}";
            var nest = new StringBuilder(depth * (open.Length + 1));
            nest.Insert(0, open, depth).Append('1').Append(close[0], depth);
            return new BadDocument(mutation, "nested", Replace(spec.Valid, "nested", Encoding.UTF8.GetBytes(nest.ToString()), quoted: false), "limit|deep|depth|nested");
        })),
        Mutation.DuplicateKey => Gen.OneOf([.. spec.TypedMembers]).Select(path =>
        {
            var doc = (JsonObject)spec.Valid.DeepClone();
            var parent = path.Contains('.') ? (JsonObject)Get(doc, path[..path.LastIndexOf('.')])! : doc;
            parent[Marker] = Get(doc, path)!.DeepClone();
            var text = doc.ToJsonString().Replace($"\"{Marker}\"", JsonValue.Create(Leaf(path))!.ToJsonString(), StringComparison.Ordinal);
            return new BadDocument(mutation, path, Encoding.UTF8.GetBytes(text), $"{Leaf(path)}|duplicate|twice|same key");
        }),
        Mutation.UnknownField => Gen.OneOf("colour", "replicaz").Select(name =>
        {
            var doc = (JsonObject)spec.Valid.DeepClone();
            doc[name] = "blue";
            return new BadDocument(mutation, name, Bytes(doc), name);
        }),
        Mutation.BadName => Gen.OneOf("Bad_Name", "-leading-dash", new string('n', 254), "a/b", "white space").Select(name =>
        {
            var doc = (JsonObject)spec.Valid.DeepClone();
            Set(doc, spec.NamePath!, JsonValue.Create(name));
            return new BadDocument(mutation, spec.NamePath!, Bytes(doc), "name");
        }),
        Mutation.Oversized => Gen.Int[1, 64 * 1024].Select(extra =>
        {
            var doc = (JsonObject)spec.Valid.DeepClone();
            doc["padding"] = new string('x', (int)spec.BodyLimit + extra);
            return new BadDocument(mutation, "body", Bytes(doc), "limit|large|size|bytes");
        }),
        Mutation.AliasBomb => Gen.Int[7, 10].Select(levels =>
        {
            // A flow mapping with anchors: each level is nine aliases of the one before, 9^levels strings in all.
            var bomb = new StringBuilder("\"l0\": &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"], ");
            for (var i = 1; i < levels; i++)
            {
                bomb.Append($"\"l{i}\": &l{i} [{string.Join(',', Enumerable.Repeat($"*l{i - 1}", 9))}], ");
            }
            var text = Encoding.UTF8.GetString(Bytes(spec.Valid));
            return new BadDocument(mutation, "aliases", Encoding.UTF8.GetBytes("{" + bomb + text[1..]), "limit|alias|large|nodes|expand");
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    private static Gen<string> StringMembers(BadDocumentSpec spec) => Gen.OneOf([.. spec.TextMembers]);

    /// <summary>The document with the member at <paramref name="path"/> set to raw bytes (inside quotes unless told).</summary>
    private static byte[] Replace(JsonObject valid, string path, byte[] raw, bool quoted = true)
    {
        var doc = (JsonObject)valid.DeepClone();
        Set(doc, path, JsonValue.Create(Marker));
        var at = Encoding.UTF8.GetBytes(doc.ToJsonString()).AsSpan();
        var marker = Encoding.UTF8.GetBytes($"\"{Marker}\"");
        var index = at.IndexOf(marker);
        byte[] middle = quoted ? [(byte)'"', .. raw, (byte)'"'] : raw;
        return [.. at[..index], .. middle, .. at[(index + marker.Length)..]];
    }

    private static byte[] Bytes(JsonNode doc) => Encoding.UTF8.GetBytes(doc.ToJsonString());

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static JsonNode? Get(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }
        return node;
    }

    private static void Set(JsonObject doc, string path, JsonNode? value)
    {
        var at = path.LastIndexOf('.');
        var parent = at < 0 ? doc : (JsonObject)Get(doc, path[..at])!;
        parent[path[(at + 1)..]] = value;
    }
}
