namespace Kubemate.Schema.Cel;

/// <summary>
/// Compiles a rule for a schema node: parses it, then checks what can be checked without full type inference:
/// every identifier is declared (<c>self</c>, <c>oldSelf</c>, macro variables, type names), every function exists with
/// that many arguments, fields selected from an object of known properties exist, and the result can be a bool.
/// </summary>
internal sealed class CelCompiler
{
    private readonly string source;

    private CelCompiler(string source)
    {
        this.source = source;
    }

    /// <summary>Compiles <paramref name="source"/> for values of <paramref name="schema"/>; throws <see cref="CelSyntaxException"/>.</summary>
    public static CelProgram Compile(string source, StructuralSchema? schema, bool expectString = false)
    {
        var expr = CelParser.Parse(source);
        var compiler = new CelCompiler(source);
        var usesOldSelf = false;
        var scope = new Dictionary<string, StructuralSchema?>(StringComparer.Ordinal) { ["self"] = schema, ["oldSelf"] = schema };
        compiler.Check(expr, scope, ref usesOldSelf);
        if (!expectString && IsNeverBool(expr))
        {
            throw new CelSyntaxException("cel expression must evaluate to a bool");
        }
        return new CelProgram(source, expr, usesOldSelf);
    }

    private static bool IsNeverBool(CelExpr expr) => expr switch
    {
        CelLiteral literal => literal.Value is not bool,
        CelListLiteral or CelMapLiteral => true,
        CelBinary binary => binary.Operator is "+" or "-" or "*" or "/" or "%",
        CelUnary unary => unary.Operator == "-",
        CelComprehension comprehension => comprehension.Macro is "map" or "filter",
        _ => false,
    };

    // Returns the schema of the expression's value when it is known (a field of self, an item of a list of self...).
    private StructuralSchema? Check(CelExpr expr, Dictionary<string, StructuralSchema?> scope, ref bool usesOldSelf)
    {
        switch (expr)
        {
            case CelLiteral:
                return null;
            case CelIdent ident:
                if (ident.Name == "oldSelf")
                {
                    usesOldSelf = true;
                }
                if (scope.TryGetValue(ident.Name, out var schema))
                {
                    return schema;
                }
                if (CelFunctions.IsTypeName(ident.Name))
                {
                    return null;
                }
                throw Error(ident, $"undeclared reference to '{ident.Name}' (in container '')");
            case CelSelect select:
                var operand = Check(select.Operand, scope, ref usesOldSelf);
                return Field(select, operand);
            case CelIndex index:
                var indexed = Check(index.Operand, scope, ref usesOldSelf);
                Check(index.Key, scope, ref usesOldSelf);
                return indexed?.Items ?? indexed?.AdditionalProperties;
            case CelListLiteral list:
                foreach (var item in list.Items)
                {
                    Check(item, scope, ref usesOldSelf);
                }
                return null;
            case CelMapLiteral map:
                foreach (var (key, value) in map.Entries)
                {
                    Check(key, scope, ref usesOldSelf);
                    Check(value, scope, ref usesOldSelf);
                }
                return null;
            case CelConditional conditional:
                Check(conditional.Condition, scope, ref usesOldSelf);
                Check(conditional.Then, scope, ref usesOldSelf);
                Check(conditional.Else, scope, ref usesOldSelf);
                return null;
            case CelUnary unary:
                Check(unary.Operand, scope, ref usesOldSelf);
                return null;
            case CelBinary binary:
                Check(binary.Left, scope, ref usesOldSelf);
                Check(binary.Right, scope, ref usesOldSelf);
                return null;
            case CelComprehension comprehension:
                var range = Check(comprehension.Range, scope, ref usesOldSelf);
                var inner = new Dictionary<string, StructuralSchema?>(scope, StringComparer.Ordinal)
                {
                    [comprehension.Variable] = range?.Type == "array" ? range.Items : null,
                };
                Check(comprehension.Body, inner, ref usesOldSelf);
                if (comprehension.Transform is not null)
                {
                    Check(comprehension.Transform, inner, ref usesOldSelf);
                }
                return null;
            case CelCall call:
                CheckCall(call);
                if (call.Target is not null)
                {
                    Check(call.Target, scope, ref usesOldSelf);
                }
                foreach (var arg in call.Args)
                {
                    Check(arg, scope, ref usesOldSelf);
                }
                return null;
            default:
                return null;
        }
    }

    private StructuralSchema? Field(CelSelect select, StructuralSchema? operand)
    {
        if (operand is null)
        {
            return null;
        }
        if (operand.Type == "object" && operand.Properties.Count > 0 && !operand.XPreserveUnknownFields && !operand.XEmbeddedResource)
        {
            return operand.Properties.TryGetValue(CelFieldNames.Unescape(select.Field), out var property)
                ? property
                : throw Error(select, $"undefined field '{select.Field}'");
        }
        return operand.AdditionalProperties;
    }

    private void CheckCall(CelCall call)
    {
        if (!CelFunctions.Signatures.TryGetValue(call.Function, out var signature))
        {
            throw Error(call, $"undeclared reference to '{call.Function}' (in container '')");
        }
        var allowed = call.Target is null ? signature.Global : signature.Member;
        if (!allowed.Contains(call.Args.Count))
        {
            var receiver = call.Target is null ? string.Empty : "a receiver and ";
            throw Error(call, $"found no matching overload for '{call.Function}' applied to {receiver}{call.Args.Count} argument(s)");
        }
    }

    private CelSyntaxException Error(CelExpr expr, string reason) => CelSyntaxException.At(source, expr.Position, reason);
}
