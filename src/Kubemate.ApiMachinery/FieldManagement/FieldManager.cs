using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Field ownership for create, update and non-apply patch requests, and field manager names.</summary>
public static class FieldManager
{
    /// <summary>The longest field manager name the apiserver accepts, in bytes.</summary>
    public const int MaxManagerLength = 128;

    /// <summary>
    /// Records ownership for a write that is not an apply. The fields the request added or changed become the
    /// manager's (merged into its existing entry of the same operation and API version, time set to now) and are
    /// taken from every other manager; fields it removed are dropped from every manager. Returns a copy of
    /// <paramref name="newObj"/> with the resulting <c>metadata.managedFields</c>.
    /// </summary>
    /// <remarks>
    /// As on a real apiserver, managedFields sent in the request win when they are valid and not empty (that is
    /// how clients edit them); <c>[]</c> or <c>[{}]</c> clears them, and an existing object without managedFields
    /// stays untracked until it is applied. Writes through a subresource always start from the stored entries.
    /// </remarks>
    /// <param name="oldObj">The stored object, or null for a create.</param>
    /// <param name="manager">The field manager; see <see cref="ResolveManager"/> for requests that name none.</param>
    /// <exception cref="FieldManagementException">the manager name is not valid, or the objects do not fit the shape.</exception>
    public static JsonObject RecordUpdate(
        JsonObject? oldObj,
        JsonObject newObj,
        string manager,
        string operation,
        string apiVersion,
        TypeShape shape,
        DateTimeOffset now,
        string? subresource = null)
    {
        ValidateManager(manager, required: false);
        if (operation is not (ManagedFieldsOperation.Update or ManagedFieldsOperation.Apply))
        {
            throw new FieldManagementException("operation", $"Unsupported value: \"{operation}\": supported values: \"Apply\", \"Update\"");
        }
        if (string.IsNullOrEmpty(apiVersion))
        {
            throw new FieldManagementException("apiVersion", "Required value");
        }
        shape = StandardObjectShape.Complete(shape);
        var entries = StartingEntries(oldObj, newObj, subresource);
        var result = ManagedFields.Without(newObj);
        if (entries.Count == 0 && oldObj is not null)
        {
            return result;
        }

        var comparison = ObjectComparison.Compare(oldObj is null ? [] : ManagedFields.Without(oldObj), result, shape);
        var taken = comparison.Changed.Union(comparison.Removed);
        entries = entries.Select(e => e with { Fields = e.Fields.Difference(taken) }).ToList();
        var owned = ServerOwnedFields.StripFrom(comparison.Changed.Difference(comparison.Removed));
        if (!owned.IsEmpty)
        {
            entries.Add(new ManagedFieldsEntry(manager, operation, apiVersion, ManagedFieldsEntry.TruncateToSeconds(now), owned, NullIfEmpty(subresource)));
        }
        ManagedFields.Write(result, UpdateManagerCap.Apply(ManagedFields.Normalize(entries)));
        return result;
    }

    /// <summary>
    /// The manager name the apiserver derives from a User-Agent when a request names none: the text before the
    /// first <c>/</c>, without unprintable characters, cut to 128 bytes (<c>kubectl/v1.32.0 (linux/amd64) …</c>
    /// gives <c>kubectl</c>). kubectl itself names its managers (<c>kubectl-client-side-apply</c>,
    /// <c>kubectl-edit</c>, …) in the <c>fieldManager</c> query parameter.
    /// </summary>
    public static string DefaultManagerFromUserAgent(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return "";
        }
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash >= 0 ? userAgent[..slash] : userAgent;
        var name = new StringBuilder();
        var bytes = 0;
        foreach (var rune in prefix.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                continue;
            }
            if (bytes + rune.Utf8SequenceLength > MaxManagerLength)
            {
                break;
            }
            bytes += rune.Utf8SequenceLength;
            name.Append(rune.ToString());
        }
        return name.ToString();
    }

    /// <summary>The request's <c>fieldManager</c> when given, else the name derived from its User-Agent.</summary>
    public static string ResolveManager(string? fieldManager, string? userAgent) =>
        string.IsNullOrEmpty(fieldManager) ? DefaultManagerFromUserAgent(userAgent) : fieldManager;

    /// <summary>Checks a <c>fieldManager</c> request parameter as the apiserver does.</summary>
    /// <param name="required">Apply requests must name their manager; other writes may leave it to the User-Agent.</param>
    /// <exception cref="FieldManagementException">naming <c>fieldManager</c> and the reason.</exception>
    public static void ValidateManager(string? manager, bool required)
    {
        if (string.IsNullOrEmpty(manager))
        {
            if (required)
            {
                throw new FieldManagementException("fieldManager", "Required value: is required for apply patch");
            }
            return;
        }
        if (Encoding.UTF8.GetByteCount(manager) > MaxManagerLength)
        {
            throw new FieldManagementException("fieldManager", $"Too long: may not be more than {MaxManagerLength} bytes");
        }
        var position = 0;
        foreach (var rune in manager.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                throw new FieldManagementException("fieldManager", $"Invalid value: \"{manager}\": invalid character U+{rune.Value:X4} (at position {position})");
            }
            position += rune.Utf8SequenceLength;
        }
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            System.Globalization.UnicodeCategory.Control
                or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.OtherNotAssigned
                or System.Globalization.UnicodeCategory.SpaceSeparator
                or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    private static List<ManagedFieldsEntry> StartingEntries(JsonObject? oldObj, JsonObject newObj, string? subresource)
    {
        if (string.IsNullOrEmpty(subresource))
        {
            if (ManagedFields.IsResetRequest(newObj))
            {
                return [];
            }
            if (TryRead(newObj) is { Count: > 0 } requested)
            {
                return requested;
            }
        }
        return oldObj is null ? [] : TryRead(oldObj) ?? [];
    }

    private static List<ManagedFieldsEntry>? TryRead(JsonObject obj)
    {
        try
        {
            return [.. ManagedFields.Read(obj)];
        }
        catch (FieldManagementException)
        {
            return null; // unusable managedFields in a request are ignored, as the apiserver does
        }
    }

    internal static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
