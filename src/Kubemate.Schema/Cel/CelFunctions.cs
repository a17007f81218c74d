using System.Globalization;

namespace Kubemate.Schema.Cel;

/// <summary>
/// The functions a rule may call: CEL's standard ones (size, conversions, string tests, durations, timestamps), the
/// Kubernetes libraries (strings, lists, regex, URLs, IPs and CIDRs, quantities) and their arities, which the
/// compiler checks.
/// </summary>
internal static class CelFunctions
{
    /// <summary>Per function: the argument counts allowed as a global call and as a call on a receiver.</summary>
    public static readonly IReadOnlyDictionary<string, (int[] Global, int[] Member)> Signatures = new Dictionary<string, (int[], int[])>(StringComparer.Ordinal)
    {
        ["size"] = ([1], [0]),
        ["contains"] = ([], [1]),
        ["startsWith"] = ([], [1]),
        ["endsWith"] = ([], [1]),
        ["matches"] = ([2], [1]),
        ["charAt"] = ([], [1]),
        ["indexOf"] = ([], [1, 2]),
        ["lastIndexOf"] = ([], [1, 2]),
        ["lowerAscii"] = ([], [0]),
        ["upperAscii"] = ([], [0]),
        ["replace"] = ([], [2, 3]),
        ["split"] = ([], [1, 2]),
        ["substring"] = ([], [1, 2]),
        ["trim"] = ([], [0]),
        ["join"] = ([], [0, 1]),
        ["format"] = ([], [1]),
        ["reverse"] = ([], [0]),
        ["find"] = ([], [1]),
        ["findAll"] = ([], [1, 2]),
        ["isSorted"] = ([], [0]),
        ["sum"] = ([], [0]),
        ["min"] = ([], [0]),
        ["max"] = ([], [0]),
        ["int"] = ([1], []),
        ["uint"] = ([1], []),
        ["double"] = ([1], []),
        ["string"] = ([1], []),
        ["bool"] = ([1], []),
        ["bytes"] = ([1], []),
        ["duration"] = ([1], []),
        ["timestamp"] = ([1], []),
        ["dyn"] = ([1], []),
        ["type"] = ([1], []),
        ["url"] = ([1], []),
        ["isURL"] = ([1], []),
        ["getScheme"] = ([], [0]),
        ["getHost"] = ([], [0]),
        ["getHostname"] = ([], [0]),
        ["getPort"] = ([], [0]),
        ["getEscapedPath"] = ([], [0]),
        ["getQuery"] = ([], [0]),
        ["ip"] = ([1], [0]),
        ["isIP"] = ([1], []),
        ["cidr"] = ([1], []),
        ["isCIDR"] = ([1], []),
        ["family"] = ([], [0]),
        ["isUnspecified"] = ([], [0]),
        ["isLoopback"] = ([], [0]),
        ["isLinkLocalMulticast"] = ([], [0]),
        ["isLinkLocalUnicast"] = ([], [0]),
        ["isGlobalUnicast"] = ([], [0]),
        ["containsIP"] = ([], [1]),
        ["containsCIDR"] = ([], [1]),
        ["prefixLength"] = ([], [0]),
        ["masked"] = ([], [0]),
        ["quantity"] = ([1], []),
        ["isQuantity"] = ([1], []),
        ["isInteger"] = ([], [0]),
        ["asInteger"] = ([], [0]),
        ["asApproximateFloat"] = ([], [0]),
        ["sign"] = ([], [0]),
        ["add"] = ([], [1]),
        ["sub"] = ([], [1]),
        ["isGreaterThan"] = ([], [1]),
        ["isLessThan"] = ([], [1]),
        ["compareTo"] = ([], [1]),
        ["getHours"] = ([], [0, 1]),
        ["getMinutes"] = ([], [0, 1]),
        ["getSeconds"] = ([], [0, 1]),
        ["getMilliseconds"] = ([], [0, 1]),
        ["getFullYear"] = ([], [0, 1]),
        ["getMonth"] = ([], [0, 1]),
        ["getDayOfMonth"] = ([], [0, 1]),
        ["getDate"] = ([], [0, 1]),
        ["getDayOfWeek"] = ([], [0, 1]),
        ["getDayOfYear"] = ([], [0, 1]),
    };

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "int", "uint", "double", "string", "bool", "bytes", "list", "map", "null_type", "type",
    };

    /// <summary>The type value an identifier names (<c>int</c>, <c>string</c>...), or null when it names none.</summary>
    public static CelType? TypeValue(string name) => TypeNames.Contains(name) ? new CelType(name) : null;

    public static bool IsTypeName(string name) => TypeNames.Contains(name);

    public static object? Invoke(string name, bool isMember, object? target, object?[] args, CelBudget budget)
    {
        if (!isMember)
        {
            return Global(name, args, budget);
        }
        return target switch
        {
            string text => CelStringFunctions.Invoke(name, text, args, budget),
            CelList list => CelListFunctions.Invoke(name, list, args, budget),
            CelMap map when name == "size" => (long)map.Count,
            CelBytes bytes when name == "size" => (long)bytes.Value.Length,
            TimeSpan or DateTimeOffset => CelTimeFunctions.Invoke(name, target, args),
            CelUrl or CelIp or CelCidr => CelNetworkFunctions.Invoke(name, target, args, budget),
            CelQuantity quantity => CelQuantityFunctions.Invoke(name, quantity, args),
            _ => throw CelEquality.NoOverload(name, [target, .. args]),
        };
    }

    private static object? Global(string name, object?[] args, CelBudget budget)
    {
        var arg = args.Length > 0 ? args[0] : null;
        switch (name)
        {
            case "size" or "matches":
                return Invoke(name, true, arg, args[1..], budget);
            case "int":
                return ToInt(arg);
            case "uint":
                return ToUint(arg);
            case "double":
                return ToDouble(arg);
            case "string":
                return ToText(arg);
            case "bool":
                return arg switch
                {
                    bool b => b,
                    string s when s is "true" or "True" or "TRUE" or "t" or "1" => true,
                    string s when s is "false" or "False" or "FALSE" or "f" or "0" => false,
                    _ => throw new CelEvaluationException($"type conversion error from '{CelEquality.TypeName(arg)}' to 'bool'"),
                };
            case "bytes":
                return arg switch
                {
                    CelBytes b => b,
                    string s => new CelBytes(System.Text.Encoding.UTF8.GetBytes(s)),
                    _ => throw CelEquality.NoOverload("bytes", arg),
                };
            case "duration":
                return arg switch
                {
                    TimeSpan t => t,
                    string s => CelTime.TryParseDuration(s, out var duration)
                        ? duration
                        : throw new CelEvaluationException($"type conversion error from 'string' to 'google.protobuf.Duration': invalid duration {s}"),
                    _ => throw CelEquality.NoOverload("duration", arg),
                };
            case "timestamp":
                return arg switch
                {
                    DateTimeOffset t => t,
                    string s => CelTime.TryParseTimestamp(s, out var timestamp)
                        ? timestamp
                        : throw new CelEvaluationException($"type conversion error from 'string' to 'google.protobuf.Timestamp': invalid timestamp {s}"),
                    long seconds when seconds is > -62135596800 and < 253402300800 => DateTimeOffset.FromUnixTimeSeconds(seconds),
                    _ => throw CelEquality.NoOverload("timestamp", arg),
                };
            case "dyn":
                return arg;
            case "type":
                return new CelType(CelEquality.TypeName(arg));
            case "url" or "isURL" or "ip" or "isIP" or "cidr" or "isCIDR":
                return CelNetworkFunctions.Global(name, arg, budget);
            case "quantity" or "isQuantity":
                return CelQuantityFunctions.Global(name, arg);
            default:
                throw new CelEvaluationException($"no such overload: {name}");
        }
    }

    private static long ToInt(object? value)
    {
        switch (value)
        {
            case long l:
                return l;
            case ulong u when u <= long.MaxValue:
                return (long)u;
            case double d when !double.IsNaN(d) && d > -9.2233720368547758E+18 && d < 9.2233720368547758E+18:
                return (long)Math.Truncate(d);
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case string s:
                throw new CelEvaluationException($"cannot convert '{s}' to int");
            case TimeSpan t:
                return t.Ticks / TimeSpan.TicksPerSecond;
            case DateTimeOffset t:
                return t.ToUnixTimeSeconds();
            case ulong or double:
                throw new CelEvaluationException("integer overflow");
            default:
                throw CelEquality.NoOverload("int", value);
        }
    }

    private static ulong ToUint(object? value) => value switch
    {
        ulong u => u,
        long l when l >= 0 => (ulong)l,
        double d when d >= 0 && d < 1.8446744073709552E+19 => (ulong)Math.Truncate(d),
        string s when ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s => throw new CelEvaluationException($"cannot convert '{s}' to uint"),
        long or double => throw new CelEvaluationException("unsigned integer overflow"),
        _ => throw CelEquality.NoOverload("uint", value),
    };

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s => throw new CelEvaluationException($"cannot convert '{s}' to double"),
        _ => throw CelEquality.NoOverload("double", value),
    };

    public static string ToText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => Formatting.GoFormat.Float(d),
        CelBytes b => System.Text.Encoding.UTF8.GetString(b.Value),
        TimeSpan t => CelTime.FormatDuration(t),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        CelType t => t.Name,
        _ => throw CelEquality.NoOverload("string", value),
    };

    public static long Int(object? value, string function) => value switch
    {
        long l => l,
        _ => throw CelEquality.NoOverload(function, value),
    };

    public static string Text(object? value, string function) => value as string ?? throw CelEquality.NoOverload(function, value);
}
