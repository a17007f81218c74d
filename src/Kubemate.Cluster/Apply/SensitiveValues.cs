using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Apply;

/// <summary>
/// Replaces the values of <see cref="SensitiveFields"/> with words that say what happened to each value, comparing
/// the object before and after a change: the after side reads <c>&lt;redacted, added&gt;</c>,
/// <c>&lt;redacted, changed&gt;</c> or <c>&lt;redacted, unchanged&gt;</c>; the before side reads
/// <c>&lt;redacted&gt;</c>, or <c>&lt;redacted, unchanged&gt;</c> too, so an unchanged value is no line of a diff.
/// Keys and user names stay readable. No hash of a value is kept: a password's hash, salted or not, can be
/// guessed offline by whoever reads the record, and the words already answer "did it change".
/// </summary>
public static class SensitiveValues
{
    public const string Redacted = "<redacted>";
    public const string Added = "<redacted, added>";
    public const string Changed = "<redacted, changed>";
    public const string Unchanged = "<redacted, unchanged>";

    /// <summary>Redacted copies of both sides; null stays null (the object is absent on that side).</summary>
    public static (JsonObject? Before, JsonObject? After) Redact(JsonObject? before, JsonObject? after)
    {
        var fields = SensitiveFields.Of(after ?? before);
        var redactedBefore = (JsonObject?)before?.DeepClone();
        var redactedAfter = (JsonObject?)after?.DeepClone();
        foreach (var field in fields)
        {
            var (beforeParent, key) = Locate(redactedBefore, field.Segments);
            var (afterParent, _) = Locate(redactedAfter, field.Segments);
            var beforeValue = beforeParent?[key];
            var afterValue = afterParent?[key];
            var (b, a) = (field.Shape, beforeValue, afterValue) switch
            {
                (_, null, null) => (null, null),
                (SensitiveShape.MapValues, JsonObject or null, JsonObject or null) => Maps((JsonObject?)beforeValue, (JsonObject?)afterValue),
                (SensitiveShape.CredentialLines, JsonArray or null, JsonArray or null) => Lines((JsonArray?)beforeValue, (JsonArray?)afterValue),
                // Not the shape the field should have: the whole value is one secret.
                _ => Single(beforeValue, afterValue),
            };
            if (beforeParent is not null && beforeValue is not null)
            {
                beforeParent[key] = b;
            }
            if (afterParent is not null && afterValue is not null)
            {
                afterParent[key] = a;
            }
        }
        return (redactedBefore, redactedAfter);
    }

    private static (JsonObject? Parent, string Key) Locate(JsonObject? obj, IReadOnlyList<string> segments)
    {
        var parent = obj;
        for (var i = 0; i < segments.Count - 1 && parent is not null; i++)
        {
            parent = parent[segments[i]] as JsonObject;
        }
        return (parent, segments[^1]);
    }

    private static (JsonNode? Before, JsonNode? After) Single(JsonNode? before, JsonNode? after) =>
        Words(before is not null, before, after is not null, after);

    private static (JsonNode? Before, JsonNode? After) Maps(JsonObject? before, JsonObject? after)
    {
        JsonObject? redactedBefore = null, redactedAfter = null;
        if (before is not null)
        {
            redactedBefore = [];
            foreach (var (key, value) in before)
            {
                JsonNode? other = null;
                redactedBefore[key] = Words(true, value, after?.TryGetPropertyValue(key, out other) == true, other).Before;
            }
        }
        if (after is not null)
        {
            redactedAfter = [];
            foreach (var (key, value) in after)
            {
                JsonNode? other = null;
                redactedAfter[key] = Words(before?.TryGetPropertyValue(key, out other) == true, other, true, value).After;
            }
        }
        return (redactedBefore, redactedAfter);
    }

    // Lines are matched by the user they name (the text up to the last ':'), so a changed password shows against its user.
    private static (JsonNode? Before, JsonNode? After) Lines(JsonArray? before, JsonArray? after)
    {
        var beforeLines = (before ?? []).Select(Line).ToList();
        var afterLines = (after ?? []).Select(Line).ToList();
        return (before is null ? null : new JsonArray(beforeLines.Select(l => Marked(l, afterLines, before: true)).ToArray()),
            after is null ? null : new JsonArray(afterLines.Select(l => Marked(l, beforeLines, before: false)).ToArray()));
    }

    private static JsonNode? Marked(string line, List<string> others, bool before)
    {
        var user = User(line);
        var counterpart = others.Contains(line) ? line : user is null ? null : others.FirstOrDefault(o => User(o) == user);
        var word = before
            ? Words(true, line, counterpart is not null, counterpart).Before
            : Words(counterpart is not null, counterpart, true, line).After;
        return (user is null ? "" : user + ":") + word;
    }

    private static string Line(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";

    private static string? User(string line) => line.LastIndexOf(':') is > 0 and var colon ? line[..colon] : null;

    /// <summary>The words for one value on each side; null for a side where it is absent.</summary>
    private static (string? Before, string? After) Words(bool hasBefore, JsonNode? before, bool hasAfter, JsonNode? after) => (hasBefore, hasAfter) switch
    {
        (false, false) => (null, null),
        (false, true) => (null, Added),
        (true, false) => (Redacted, null),
        _ => JsonNode.DeepEquals(before, after) ? (Unchanged, Unchanged) : (Redacted, Changed),
    };
}
