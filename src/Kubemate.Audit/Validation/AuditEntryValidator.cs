using System.Text.RegularExpressions;

namespace Kubemate.Audit.Validation;

/// <summary>Rejects entries that would make an audit record useless or that one of the stores cannot keep verbatim.</summary>
public static partial class AuditEntryValidator
{
    public static IReadOnlyList<AuditFieldError> Validate(AuditEntry? entry)
    {
        var errors = new List<AuditFieldError>();
        if (entry is null)
        {
            errors.Add(new AuditFieldError("entry", "is required"));
            return errors;
        }

        Required(errors, "user", entry.User);
        Required(errors, "sourceAddress", entry.SourceAddress);
        Required(errors, "cluster", entry.Cluster);
        if (Required(errors, "operation", entry.Operation) && !OperationPattern().IsMatch(entry.Operation))
        {
            errors.Add(new AuditFieldError("operation", "must be a lower-case verb of letters, digits, '-' or '.' (at most 63 characters), e.g. apply or mesh-enable"));
        }
        if (!Enum.IsDefined(entry.Outcome))
        {
            errors.Add(new AuditFieldError("outcome", $"must be one of {string.Join(", ", Enum.GetNames<AuditOutcome>())}"));
        }
        if (entry.Diff is null)
        {
            errors.Add(new AuditFieldError("diff", "must not be null (use an empty string)"));
        }
        else
        {
            Storable(errors, "diff", entry.Diff);
        }

        if (entry.Groups is null)
        {
            errors.Add(new AuditFieldError("groups", "must not be null (use an empty list)"));
        }
        else
        {
            for (var i = 0; i < entry.Groups.Count; i++)
            {
                Required(errors, $"groups[{i}]", entry.Groups[i]);
            }
        }

        if (entry.Objects is null)
        {
            errors.Add(new AuditFieldError("objects", "must not be null (use an empty list)"));
        }
        else
        {
            for (var i = 0; i < entry.Objects.Count; i++)
            {
                ValidateObject(errors, $"objects[{i}]", entry.Objects[i]);
            }
        }
        return errors;
    }

    public static void ThrowIfInvalid(AuditEntry? entry)
    {
        var errors = Validate(entry);
        if (errors.Count > 0)
        {
            throw new AuditValidationException(errors);
        }
    }

    private static void ValidateObject(List<AuditFieldError> errors, string path, AuditObjectChange? change)
    {
        if (change is null)
        {
            errors.Add(new AuditFieldError(path, "is required"));
            return;
        }
        Required(errors, path + ".apiVersion", change.ApiVersion);
        Required(errors, path + ".kind", change.Kind);
        Required(errors, path + ".name", change.Name);
        Required(errors, path + ".action", change.Action);
        Required(errors, path + ".status", change.Status);
        if (change.Namespace is not null)
        {
            if (string.IsNullOrWhiteSpace(change.Namespace))
            {
                errors.Add(new AuditFieldError(path + ".namespace", "must be omitted (null) for cluster-scoped objects, not blank"));
            }
            else
            {
                Storable(errors, path + ".namespace", change.Namespace);
            }
        }
        if (change.Message is not null)
        {
            Storable(errors, path + ".message", change.Message);
        }
    }

    private static bool Required(List<AuditFieldError> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new AuditFieldError(path, "is required"));
            return false;
        }
        return Storable(errors, path, value);
    }

    // PostgreSQL text cannot hold NUL and UTF-8 cannot hold lone surrogates: both would change the value on the way in.
    private static bool Storable(List<AuditFieldError> errors, string path, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                errors.Add(new AuditFieldError(path, $"contains a NUL character at index {i}"));
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                errors.Add(new AuditFieldError(path, $"contains an unpaired UTF-16 surrogate at index {i}"));
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9.-]{0,62}$")]
    private static partial Regex OperationPattern();
}
