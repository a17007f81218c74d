using System.Text.Json.Nodes;
using Kubemate.Schema.Parsing;

namespace Kubemate.Schema.Structural;

/// <summary>Runs every check the apiserver makes on a v1 CRD's <c>openAPIV3Schema</c> before it accepts it.</summary>
internal static class StructuralChecker
{
    public static IReadOnlyList<FieldError> Check(JsonNode schema, FieldPath path)
    {
        if (schema is not JsonObject root)
        {
            return [FieldError.Invalid(path.ToString(), schema, "must be a schema object")];
        }

        var errors = new List<FieldError>();
        StructuralSchema parsed;
        try
        {
            parsed = SchemaReader.Read(root, path);
        }
        catch (SchemaFormatException ex)
        {
            KeywordChecks.Check(root, path, isRoot: true, CheckContext.Root, errors);
            errors.Add(FieldError.Invalid(ex.Field, string.Empty, ex.Reason));
            return errors;
        }

        StructuralInvariants.Check(root, path, SchemaLevel.Root, errors);
        KeywordChecks.Check(root, path, isRoot: true, CheckContext.Root, errors);
        if (root.Flag("nullable"))
        {
            errors.Add(FieldError.Forbidden(path.Child("nullable").ToString(), "nullable cannot be true at the root"));
        }
        if (errors.Count == 0)
        {
            DefaultsChecks.Check(parsed, path, errors);
            ValidationRuleChecks.Check(parsed, path, errors);
        }
        return errors;
    }
}
