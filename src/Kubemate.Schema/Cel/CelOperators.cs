namespace Kubemate.Schema.Cel;

/// <summary>CEL's arithmetic (overflow and division by zero are errors), comparison, <c>in</c> and negation.</summary>
internal static class CelOperators
{
    public static object? Unary(string op, object? operand) => (op, operand) switch
    {
        ("!", bool b) => !b,
        ("-", long l) => l == long.MinValue ? throw new CelEvaluationException("integer overflow") : -l,
        ("-", double d) => -d,
        ("-", TimeSpan t) => t == TimeSpan.MinValue ? throw new CelEvaluationException("duration overflow") : -t,
        _ => throw CelEquality.NoOverload(op == "!" ? "!_" : "-_", operand),
    };

    public static object? Binary(string op, object? left, object? right, CelBudget budget)
    {
        switch (op)
        {
            case "==":
                return CelEquality.AreEqual(left, right, budget);
            case "!=":
                return !CelEquality.AreEqual(left, right, budget);
            case "<":
                return CelEquality.Compare(left, right, budget) < 0;
            case "<=":
                return CelEquality.Compare(left, right, budget) <= 0;
            case ">":
                return CelEquality.Compare(left, right, budget) > 0;
            case ">=":
                return CelEquality.Compare(left, right, budget) >= 0;
            case "in":
                return In(left, right, budget);
            case "+":
                return Add(left, right, budget);
            case "-":
                return Subtract(left, right);
            case "*" or "/" or "%":
                return Multiplicative(op, left, right);
            default:
                throw CelEquality.NoOverload(op, left, right);
        }
    }

    private static bool In(object? element, object? container, CelBudget budget)
    {
        switch (container)
        {
            case CelList list:
                foreach (var item in list.Items)
                {
                    if (CelEquality.AreEqual(element, item, budget))
                    {
                        return true;
                    }
                }
                return false;
            case CelMap map:
                return element is not null && map.TryGet(element, out _);
            default:
                throw CelEquality.NoOverload("@in", element, container);
        }
    }

    private static object Add(object? left, object? right, CelBudget budget)
    {
        try
        {
            switch (left, right)
            {
                case (long a, long b):
                    return checked(a + b);
                case (ulong a, ulong b):
                    return checked(a + b);
                case (double a, double b):
                    return a + b;
                case (string a, string b):
                    CheckLength((long)a.Length + b.Length);
                    return budget.Built(a + b);
                case (CelList a, CelList b):
                    budget.Charge(a.Count + b.Count);
                    return new CelList([.. a.Items, .. b.Items]);
                case (CelBytes a, CelBytes b):
                    CheckLength((long)a.Value.Length + b.Value.Length);
                    return new CelBytes([.. a.Value, .. b.Value]);
                case (TimeSpan a, TimeSpan b):
                    return a + b;
                case (DateTimeOffset a, TimeSpan b):
                    return a + b;
                case (TimeSpan a, DateTimeOffset b):
                    return b + a;
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw new CelEvaluationException("integer overflow");
        }
        throw CelEquality.NoOverload("_+_", left, right);
    }

    private static void CheckLength(long length)
    {
        if (length > CelBudget.MaxStringLength)
        {
            throw new CelEvaluationException($"value of {length} elements exceeds the limit of {CelBudget.MaxStringLength}");
        }
    }

    private static object Subtract(object? left, object? right)
    {
        try
        {
            switch (left, right)
            {
                case (long a, long b):
                    return checked(a - b);
                case (ulong a, ulong b):
                    return checked(a - b);
                case (double a, double b):
                    return a - b;
                case (TimeSpan a, TimeSpan b):
                    return a - b;
                case (DateTimeOffset a, DateTimeOffset b):
                    return a - b;
                case (DateTimeOffset a, TimeSpan b):
                    return a - b;
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw new CelEvaluationException("integer overflow");
        }
        throw CelEquality.NoOverload("_-_", left, right);
    }

    private static object Multiplicative(string op, object? left, object? right)
    {
        try
        {
            switch (op, left, right)
            {
                case ("*", long a, long b):
                    return checked(a * b);
                case ("*", ulong a, ulong b):
                    return checked(a * b);
                case ("*", double a, double b):
                    return a * b;
                case ("/", double a, double b):
                    return a / b;
                case ("/" or "%", long, 0L) or ("/" or "%", ulong, 0UL):
                    throw new CelEvaluationException(op == "/" ? "division by zero" : "modulus by zero");
                case ("/", long a, long b):
                    return a == long.MinValue && b == -1 ? throw new CelEvaluationException("integer overflow") : a / b;
                case ("/", ulong a, ulong b):
                    return a / b;
                case ("%", long a, long b):
                    return b == -1 ? 0L : a % b;
                case ("%", ulong a, ulong b):
                    return a % b;
            }
        }
        catch (OverflowException)
        {
            throw new CelEvaluationException("integer overflow");
        }
        throw CelEquality.NoOverload($"_{op}_", left, right);
    }
}
