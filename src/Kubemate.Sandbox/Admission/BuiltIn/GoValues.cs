using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// Structured values printed as the apiserver prints them in an "Invalid value" message: Go's <c>%#v</c> of the
/// typed field (maps with sorted keys, <c>(nil)</c> for an absent map or list).
/// </summary>
internal static class GoValues
{
    public static string StringMap(JsonNode? node)
    {
        var map = Fields.StringMap(node);
        if (map is null)
        {
            return "map[string]string(nil)";
        }
        return "map[string]string{" + string.Join(", ", map.Select(p => GoQuote.Quote(p.Key) + ":" + GoQuote.Quote(p.Value))) + "}";
    }

    public static string LabelSelector(JsonObject selector)
    {
        var text = new StringBuilder("v1.LabelSelector{MatchLabels:");
        text.Append(StringMap(selector["matchLabels"])).Append(", MatchExpressions:");
        if (selector["matchExpressions"] is not JsonArray expressions)
        {
            text.Append("[]v1.LabelSelectorRequirement(nil)");
        }
        else
        {
            text.Append("[]v1.LabelSelectorRequirement{")
                .AppendJoin(", ", expressions.Select(Requirement))
                .Append('}');
        }
        return text.Append('}').ToString();
    }

    private static string Requirement(JsonNode? requirement)
    {
        var values = requirement?["values"] is JsonArray list
            ? "[]string{" + string.Join(", ", list.Select(v => GoQuote.Quote(v?.ToString() ?? ""))) + "}"
            : "[]string(nil)";
        return $"v1.LabelSelectorRequirement{{Key:{GoQuote.Quote(Fields.Text(requirement, "key"))}, Operator:{GoQuote.Quote(Fields.Text(requirement, "operator"))}, Values:{values}}}";
    }
}
