using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Validation;

internal sealed partial class ValueValidator
{
    // The junctors' own failures name the node they sit on; the apiserver reports them without a field ("<nil>").
    private void CheckJunctors(JsonNode value, StructuralSchema schema, FieldPath path)
    {
        if (!schema.HasJunctors)
        {
            return;
        }
        var quotedPath = GoQuote.Quote(path.ToString());

        if (schema.AnyOf.Count > 0)
        {
            var outcomes = new List<List<FieldError>>();
            foreach (var branch in schema.AnyOf)
            {
                var branchErrors = Validate(value, branch, path);
                if (branchErrors.Count == 0)
                {
                    outcomes.Clear();
                    break;
                }
                outcomes.Add(branchErrors);
            }
            if (outcomes.Count > 0)
            {
                AddComposite(path, $"{quotedPath} must validate at least one schema (anyOf)");
                errors.AddRange(Closest(outcomes));
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var failures = new List<List<FieldError>>();
            var valid = 0;
            foreach (var branch in schema.OneOf)
            {
                var branchErrors = Validate(value, branch, path);
                if (branchErrors.Count == 0)
                {
                    valid++;
                }
                else
                {
                    failures.Add(branchErrors);
                }
            }
            if (valid != 1)
            {
                var found = valid == 0 ? "Found none valid" : string.Create(CultureInfo.InvariantCulture, $"Found {valid} valid alternatives");
                AddComposite(path, $"{quotedPath} must validate one and only one schema (oneOf). {found}");
                if (valid == 0)
                {
                    errors.AddRange(Closest(failures));
                }
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var passed = 0;
            foreach (var branch in schema.AllOf)
            {
                var branchErrors = Validate(value, branch, path);
                passed += branchErrors.Count == 0 ? 1 : 0;
                errors.AddRange(branchErrors);
            }
            if (passed != schema.AllOf.Count)
            {
                AddComposite(path, $"{quotedPath} must validate all the schemas (allOf){(passed == 0 ? ". None validated" : string.Empty)}");
            }
        }

        if (schema.Not is { } not && Validate(value, not, path).Count == 0)
        {
            AddComposite(path, $"{quotedPath} must not validate the schema (not)");
        }
    }

    private void AddComposite(FieldPath path, string detail) => AddError(FieldError.Invalid(path.ToString(), string.Empty, detail));

    // The apiserver shows the errors of the alternative that came closest; the one with fewest errors stands in for it.
    private static List<FieldError> Closest(List<List<FieldError>> outcomes) => outcomes.MinBy(outcome => outcome.Count) ?? [];
}
