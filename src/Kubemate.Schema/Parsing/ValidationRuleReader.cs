using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Schema.Cel;

namespace Kubemate.Schema.Parsing;

/// <summary>Reads a node's <c>x-kubernetes-validations</c> and compiles each rule (and message expression) for the node's type.</summary>
internal static class ValidationRuleReader
{
    public static IReadOnlyList<ValidationRule> Read(JsonNode? rules, StructuralSchema node, FieldPath path)
    {
        switch (rules)
        {
            case null:
                return [];
            case JsonArray list:
                return list.Select((entry, i) => ReadOne(entry, node, path.Index(i))).ToList();
            default:
                throw new SchemaFormatException(path.ToString(), "must be a list of rules");
        }
    }

    private static ValidationRule ReadOne(JsonNode? entry, StructuralSchema node, FieldPath path)
    {
        if (entry is not JsonObject rule)
        {
            throw new SchemaFormatException(path.ToString(), "must be an object");
        }
        var source = Text(rule, "rule", path) ?? string.Empty;
        var messageExpression = Text(rule, "messageExpression", path);
        var (program, compileError) = TryCompile(source, node, expectString: false);
        var (messageProgram, messageError) = messageExpression is null ? (null, null) : TryCompile(messageExpression, node, expectString: true);
        return new ValidationRule(source, Text(rule, "message", path), messageExpression, Text(rule, "fieldPath", path), Text(rule, "reason", path),
            rule["optionalOldSelf"]?.GetValueKind() == JsonValueKind.True)
        {
            Program = program,
            CompileError = compileError,
            MessageProgram = messageProgram,
            MessageExpressionError = messageError,
        };
    }

    private static (CelProgram? Program, string? Error) TryCompile(string source, StructuralSchema node, bool expectString)
    {
        if (source.Trim().Length == 0)
        {
            return (null, null);
        }
        try
        {
            return (CelCompiler.Compile(source, node, expectString), null);
        }
        catch (CelSyntaxException ex)
        {
            return (null, "compilation failed: " + ex.Message);
        }
    }

    private static string? Text(JsonObject rule, string key, FieldPath path) => rule[key] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new SchemaFormatException(path.Child(key).ToString(), "must be a string"),
    };
}
