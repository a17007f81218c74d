using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Persistence;

/// <summary>
/// Reads a data directory's <c>snapshot.json</c> and <c>journal.log</c> back into objects. Every line must be read:
/// a line that cannot be is a <see cref="SandboxStateException"/> naming the file and the line, never a silently
/// smaller cluster. The one exception is a torn tail: a final line without its newline is a write the crash
/// interrupted before it was flushed, so it was never acknowledged, and it is dropped.
/// </summary>
internal static class JournalReplay
{
    public static long ReadSnapshot(string path, Dictionary<ObjectKey, StoredObject> objects)
    {
        try
        {
            var snapshot = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: JsonLimits.Stored) as JsonObject
                ?? throw new FormatException("not a JSON object");
            var revision = snapshot["revision"]?.GetValue<long>() ?? throw new FormatException("no revision");
            var entries = snapshot["objects"] as JsonArray ?? throw new FormatException("no objects array");
            for (var i = 0; i < entries.Count; i++)
            {
                var stored = Entry(entries[i] as JsonObject ?? throw new FormatException($"objects[{i}] is not an object"));
                objects[stored.Key] = stored;
            }
            return revision;
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
        {
            throw new SandboxStateException($"{path}: the snapshot cannot be read ({error.Message}); the sandbox does not start with part of its state", error);
        }
    }

    /// <summary>Applies the journal's lines after <paramref name="revision"/>; returns the last revision.</summary>
    public static long ReadJournal(string path, Dictionary<ObjectKey, StoredObject> objects, long revision)
    {
        var content = File.ReadAllBytes(path);
        var start = 0;
        for (var lineNumber = 1; start < content.Length; lineNumber++)
        {
            var end = Array.IndexOf(content, (byte)'\n', start);
            if (end < 0)
            {
                break; // the torn tail: written partly when the process died, never acknowledged
            }
            var line = content.AsSpan(start, end - start);
            start = end + 1;
            try
            {
                revision = Apply(line, objects, revision);
            }
            catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
            {
                throw new SandboxStateException(
                    $"{path}, line {lineNumber}: the journal cannot be read ({error.Message}); the sandbox does not start with part of its state. " +
                    "Restore the data directory from a backup, or remove it to start an empty sandbox", error);
            }
        }
        return revision;
    }

    private static long Apply(ReadOnlySpan<byte> text, Dictionary<ObjectKey, StoredObject> objects, long revision)
    {
        var line = JsonNode.Parse(text, documentOptions: JsonLimits.Stored) as JsonObject ?? throw new FormatException("not a JSON object");
        var lineRevision = line["v"]?.GetValue<long>() ?? throw new FormatException("no revision (v)");
        if (lineRevision <= revision)
        {
            return revision; // already in the snapshot
        }
        var key = Key(line);
        switch (line["t"]?.GetValue<string>())
        {
            case "del":
                objects.Remove(key);
                break;
            case "put":
                var obj = line["o"] as JsonObject ?? throw new FormatException("a put without its object (o)");
                line.Remove("o");
                objects[key] = new StoredObject(key, obj, lineRevision);
                break;
            default:
                throw new FormatException("the type (t) is neither put nor del");
        }
        return lineRevision;
    }

    private static StoredObject Entry(JsonObject entry)
    {
        var obj = entry["o"] as JsonObject ?? throw new FormatException("an entry without its object (o)");
        entry.Remove("o");
        return new StoredObject(Key(entry), obj, entry["v"]?.GetValue<long>() ?? throw new FormatException("an entry without its revision (v)"));
    }

    private static ObjectKey Key(JsonObject entry) => new(
        entry["r"]?.GetValue<string>() ?? throw new FormatException("no resource (r)"),
        entry["n"]?.GetValue<string>() ?? throw new FormatException("no namespace (n)"),
        entry["m"]?.GetValue<string>() ?? throw new FormatException("no name (m)"));
}

/// <summary>
/// A data directory the sandbox cannot read completely: start-up fails with this message (an invalid operation, so
/// <c>kubemate serve</c> reports it as it reports its other start-up failures).
/// </summary>
public sealed class SandboxStateException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
