using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Crds;

/// <summary>Reads <c>spec.names</c>, applies the v1 defaults (singular, listKind) and checks the names.</summary>
internal static class CrdNamesReader
{
    public static CrdNames Read(JsonObject? names, FieldPath path, FieldReader reader, List<FieldError> errors)
    {
        var plural = reader.String(names, "plural", path) ?? string.Empty;
        var kind = reader.String(names, "kind", path) ?? string.Empty;
        var singular = reader.String(names, "singular", path) is { Length: > 0 } given ? given : kind.ToLowerInvariant();
        var listKind = reader.String(names, "listKind", path) is { Length: > 0 } givenList ? givenList : kind.Length > 0 ? kind + "List" : string.Empty;
        var shortNames = reader.Strings(names, "shortNames", path);
        var categories = reader.Strings(names, "categories", path);

        Require(plural, path.Child("plural"), errors);
        Require(singular, path.Child("singular"), errors);
        Require(kind, path.Child("kind"), errors);
        Require(listKind, path.Child("listKind"), errors);
        Check(plural, path.Child("plural"), errors);
        Check(singular, path.Child("singular"), errors);
        CheckKind(kind, path.Child("kind"), errors);
        CheckKind(listKind, path.Child("listKind"), errors);
        for (var i = 0; i < shortNames.Count; i++)
        {
            Check(shortNames[i], path.Child("shortNames").Index(i), errors, evenIfEmpty: true);
        }
        if (kind.Length > 0 && kind == listKind)
        {
            errors.Add(FieldError.Invalid(path.Child("listKind").ToString(), listKind, "kind and listKind may not be the same"));
        }
        for (var i = 0; i < categories.Count; i++)
        {
            Check(categories[i], path.Child("categories").Index(i), errors, evenIfEmpty: true);
        }
        return new CrdNames(plural, singular, kind, listKind, shortNames, categories);
    }

    private static void Require(string value, FieldPath path, List<FieldError> errors)
    {
        if (value.Length == 0)
        {
            errors.Add(FieldError.Required(path.ToString()));
        }
    }

    private static void Check(string value, FieldPath path, List<FieldError> errors, bool evenIfEmpty = false)
    {
        if ((value.Length > 0 || evenIfEmpty) && NameFormats.IsDns1035Label(value) is { Count: > 0 } problems)
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, string.Join(",", problems)));
        }
    }

    private static void CheckKind(string value, FieldPath path, List<FieldError> errors)
    {
        if (value.Length > 0 && NameFormats.IsDns1035Label(value.ToLowerInvariant()) is { Count: > 0 } problems)
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, "may have mixed case, but should otherwise match: " + string.Join(",", problems)));
        }
    }
}
