namespace Kubemate.Schema.Cel;

/// <summary>CEL's equality and ordering: numbers compare across int, uint and double; other types only with themselves.</summary>
internal static class CelEquality
{
    /// <summary>How deep equality descends into nested lists and maps before it gives up with an error.</summary>
    public const int MaxDepth = 1000;

    public static bool AreEqual(object? left, object? right, CelBudget? budget = null) => AreEqual(left, right, budget, 0);

    private static bool AreEqual(object? left, object? right, CelBudget? budget, int depth)
    {
        budget?.Charge(1);
        if (depth > MaxDepth)
        {
            throw new CelEvaluationException($"values nested deeper than {MaxDepth} levels cannot be compared");
        }
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
        }
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left!, right!) == 0;
        }
        switch (left, right)
        {
            case (CelList a, CelList b):
                return ListsEqual(a, b, budget, depth + 1);
            case (CelMap a, CelMap b):
                return MapsEqual(a, b, budget, depth + 1);
            case (string a, string b):
                budget?.ChargeString(a);
                return string.Equals(a, b, StringComparison.Ordinal);
            case (CelQuantity a, CelQuantity b):
                return a.CompareTo(b) == 0;
            case (CelIp a, CelIp b):
                return a.Address.Equals(b.Address);
            case (CelCidr a, CelCidr b):
                return a.Address.Equals(b.Address) && a.PrefixLength == b.PrefixLength;
            default:
                return left!.GetType() == right!.GetType() && left.Equals(right);
        }
    }

    public static bool IsNumber(object? value) => value is long or ulong or double;

    public static int Compare(object? left, object? right, CelBudget budget)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            var result = CompareNumbers(left!, right!);
            return result == int.MinValue ? throw NoOverload("_<_", left, right) : result;
        }
        switch (left, right)
        {
            case (string a, string b):
                budget.ChargeString(a);
                return Math.Sign(string.CompareOrdinal(a, b));
            case (bool a, bool b):
                return a.CompareTo(b);
            case (TimeSpan a, TimeSpan b):
                return a.CompareTo(b);
            case (DateTimeOffset a, DateTimeOffset b):
                return a.CompareTo(b);
            case (CelBytes a, CelBytes b):
                return Math.Sign(a.Value.AsSpan().SequenceCompareTo(b.Value));
            default:
                throw NoOverload("_<_", left, right);
        }
    }

    public static CelEvaluationException NoOverload(string function, params object?[] args) =>
        new($"no such overload: {function} applied to ({string.Join(", ", args.Select(TypeName))})");

    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        CelBytes => "bytes",
        CelList => "list",
        CelMap => "map",
        TimeSpan => "google.protobuf.Duration",
        DateTimeOffset => "google.protobuf.Timestamp",
        CelQuantity => "kubernetes.Quantity",
        CelUrl => "kubernetes.URL",
        CelIp => "net.IP",
        CelCidr => "net.CIDR",
        CelType => "type",
        _ => value.GetType().Name,
    };

    // int.MinValue when either side is NaN: NaN is unordered.
    private static int CompareNumbers(object left, object right)
    {
        switch (left, right)
        {
            case (long a, long b):
                return a.CompareTo(b);
            case (ulong a, ulong b):
                return a.CompareTo(b);
            case (long a, ulong b):
                return a < 0 ? -1 : ((ulong)a).CompareTo(b);
            case (ulong a, long b):
                return b < 0 ? 1 : a.CompareTo((ulong)b);
        }
        var x = ToDouble(left);
        var y = ToDouble(right);
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return int.MinValue;
        }
        return x.CompareTo(y);
    }

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        ulong u => u,
        _ => (double)value,
    };

    private static bool ListsEqual(CelList a, CelList b, CelBudget? budget, int depth)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        if (a.ListType is "set" or "map" || b.ListType is "set" or "map")
        {
            var unmatched = b.Items.ToList();
            foreach (var item in a.Items)
            {
                var index = unmatched.FindIndex(candidate => AreEqual(item, candidate, budget, depth));
                if (index < 0)
                {
                    return false;
                }
                unmatched.RemoveAt(index);
            }
            return true;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a.Items[i], b.Items[i], budget, depth))
            {
                return false;
            }
        }
        return true;
    }

    private static bool MapsEqual(CelMap a, CelMap b, CelBudget? budget, int depth)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var key in a.Keys)
        {
            budget?.Charge(1);
            if (!a.TryGet(key, out var left) || !b.TryGet(key, out var right) || !AreEqual(left, right, budget, depth))
            {
                return false;
            }
        }
        return true;
    }
}
