namespace Kubemate.Schema.Cel;

/// <summary>The variables in scope: <c>self</c>, <c>oldSelf</c> and the iteration variables of macros.</summary>
internal sealed record CelScope(string Name, object? Value, CelScope? Parent)
{
    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Name == name)
            {
                value = scope.Value;
                return true;
            }
        }
        value = null;
        return false;
    }
}

/// <summary>
/// Evaluates a parsed expression with CEL's semantics (errors absorbed by <c>&amp;&amp;</c>, <c>||</c>, <c>all</c>
/// and <c>exists</c> when the other side decides) and charges every step to a <see cref="CelBudget"/>.
/// </summary>
internal sealed class CelInterpreter(CelBudget budget)
{
    public object? Evaluate(CelExpr expr, CelScope? scope)
    {
        budget.Charge(1);
        switch (expr)
        {
            case CelLiteral literal:
                return literal.Value;
            case CelIdent ident:
                return scope is not null && scope.TryGet(ident.Name, out var value)
                    ? value
                    : CelFunctions.TypeValue(ident.Name) ?? throw new CelEvaluationException($"no such attribute: {ident.Name}");
            case CelSelect select:
                return Select(select, scope);
            case CelIndex index:
                return Index(Evaluate(index.Operand, scope), Evaluate(index.Key, scope));
            case CelListLiteral list:
                return new CelList(list.Items.Select(item => Evaluate(item, scope)).ToList());
            case CelMapLiteral map:
                return MapLiteral(map, scope);
            case CelConditional conditional:
                return Evaluate(Bool(Evaluate(conditional.Condition, scope), "_?_:_") ? conditional.Then : conditional.Else, scope);
            case CelUnary unary:
                return CelOperators.Unary(unary.Operator, Evaluate(unary.Operand, scope));
            case CelBinary { Operator: "&&" or "||" } logic:
                return Logic(logic, scope);
            case CelBinary binary:
                return CelOperators.Binary(binary.Operator, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope), budget);
            case CelComprehension comprehension:
                return Comprehend(comprehension, scope);
            case CelCall call:
                var target = call.Target is null ? null : Evaluate(call.Target, scope);
                var args = new object?[call.Args.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = Evaluate(call.Args[i], scope);
                }
                return CelFunctions.Invoke(call.Function, call.Target is not null, target, args, budget);
            default:
                throw new CelEvaluationException("unsupported expression");
        }
    }

    private static bool Bool(object? value, string function) => value is bool b ? b : throw CelEquality.NoOverload(function, value);

    private object? Select(CelSelect select, CelScope? scope)
    {
        var operand = Evaluate(select.Operand, scope);
        if (operand is not CelMap map)
        {
            throw new CelEvaluationException($"no such overload: {(select.TestOnly ? "has" : "select")} on {CelEquality.TypeName(operand)}");
        }
        var key = map.IsObject ? CelFieldNames.Unescape(select.Field) : select.Field;
        var found = map.TryGet(key, out var value);
        if (select.TestOnly)
        {
            return found;
        }
        return found ? value : throw new CelEvaluationException($"no such key: {key}");
    }

    private static object? Index(object? operand, object? key)
    {
        switch (operand)
        {
            case CelList list:
                var index = key switch
                {
                    long l => l,
                    ulong u when u <= long.MaxValue => (long)u,
                    double d when Math.Floor(d) == d && Math.Abs(d) < 1e18 => (long)d,
                    _ => throw CelEquality.NoOverload("_[_]", operand, key),
                };
                return index >= 0 && index < list.Count ? list.Items[(int)index] : throw new CelEvaluationException($"index out of bounds: {index}");
            case CelMap map:
                return key is not null && map.TryGet(key, out var value) ? value : throw new CelEvaluationException($"no such key: {key}");
            default:
                throw CelEquality.NoOverload("_[_]", operand, key);
        }
    }

    private CelLiteralMap MapLiteral(CelMapLiteral map, CelScope? scope)
    {
        var entries = new Dictionary<object, object?>();
        foreach (var (keyExpr, valueExpr) in map.Entries)
        {
            var key = Evaluate(keyExpr, scope);
            if (key is not (string or long or ulong or bool))
            {
                throw new CelEvaluationException($"unsupported key type: {CelEquality.TypeName(key)}");
            }
            if (!entries.TryAdd(key, Evaluate(valueExpr, scope)))
            {
                throw new CelEvaluationException($"Failed with repeated key: {key}");
            }
        }
        return new CelLiteralMap(entries);
    }

    private bool Logic(CelBinary logic, CelScope? scope)
    {
        var decisive = logic.Operator == "||";
        CelEvaluationException? failure = null;
        foreach (var side in new[] { logic.Left, logic.Right })
        {
            try
            {
                if (Bool(Evaluate(side, scope), logic.Operator == "||" ? "_||_" : "_&&_") == decisive)
                {
                    return decisive;
                }
            }
            catch (CelEvaluationException ex) when (ex is not CelCostExceededException)
            {
                failure ??= ex;
            }
        }
        return failure is null ? !decisive : throw failure;
    }

    private object? Comprehend(CelComprehension comprehension, CelScope? scope)
    {
        var range = Evaluate(comprehension.Range, scope);
        IEnumerable<object?> elements = range switch
        {
            CelList list => list.Items,
            CelMap map => map.Keys.Cast<object?>(),
            _ => throw CelEquality.NoOverload(comprehension.Macro, range),
        };
        var results = new List<object?>();
        var trueCount = 0;
        CelEvaluationException? failure = null;
        foreach (var element in elements)
        {
            budget.Charge(1);
            var inner = new CelScope(comprehension.Variable, element, scope);
            switch (comprehension.Macro)
            {
                case "all" or "exists":
                    var decisive = comprehension.Macro == "exists";
                    try
                    {
                        if (Bool(Evaluate(comprehension.Body, inner), comprehension.Macro) == decisive)
                        {
                            return decisive;
                        }
                    }
                    catch (CelEvaluationException ex) when (ex is not CelCostExceededException)
                    {
                        failure ??= ex;
                    }
                    break;
                case "exists_one":
                    if (Bool(Evaluate(comprehension.Body, inner), "exists_one"))
                    {
                        trueCount++;
                    }
                    break;
                case "filter":
                    if (Bool(Evaluate(comprehension.Body, inner), "filter"))
                    {
                        results.Add(element);
                    }
                    break;
                case "map" when comprehension.Transform is null:
                    results.Add(Evaluate(comprehension.Body, inner));
                    break;
                case "map":
                    if (Bool(Evaluate(comprehension.Body, inner), "map"))
                    {
                        results.Add(Evaluate(comprehension.Transform!, inner));
                    }
                    break;
            }
        }
        return comprehension.Macro switch
        {
            "all" or "exists" when failure is not null => throw failure,
            "all" => true,
            "exists" => false,
            "exists_one" => trueCount == 1,
            _ => new CelList(results),
        };
    }
}
