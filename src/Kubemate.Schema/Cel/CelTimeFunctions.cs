namespace Kubemate.Schema.Cel;

/// <summary>The accessors of durations (<c>getHours</c>...) and timestamps (<c>getFullYear</c>..., in UTC or a fixed offset).</summary>
internal static class CelTimeFunctions
{
    public static object Invoke(string name, object? target, object?[] args)
    {
        if (target is TimeSpan duration && args.Length == 0)
        {
            return name switch
            {
                "getHours" => (long)duration.TotalHours,
                "getMinutes" => (long)duration.TotalMinutes,
                "getSeconds" => (long)duration.TotalSeconds,
                "getMilliseconds" => (long)duration.Milliseconds,
                _ => throw CelEquality.NoOverload(name, target),
            };
        }
        if (target is not DateTimeOffset timestamp)
        {
            throw CelEquality.NoOverload(name, [target, .. args]);
        }
        var local = args.Length == 0 ? timestamp.ToUniversalTime() : timestamp.ToOffset(Offset(args[0]));
        return name switch
        {
            "getFullYear" => (long)local.Year,
            "getMonth" => (long)local.Month - 1,
            "getDayOfMonth" => (long)local.Day - 1,
            "getDate" => (long)local.Day,
            "getDayOfWeek" => (long)local.DayOfWeek,
            "getDayOfYear" => (long)local.DayOfYear - 1,
            "getHours" => (long)local.Hour,
            "getMinutes" => (long)local.Minute,
            "getSeconds" => (long)local.Second,
            "getMilliseconds" => (long)local.Millisecond,
            _ => throw CelEquality.NoOverload(name, target),
        };
    }

    // Fixed offsets only ("+05:30", "-08:00", "UTC"); time zone names need a database the rules cannot rely on.
    private static TimeSpan Offset(object? zone)
    {
        var text = CelFunctions.Text(zone, "timezone");
        if (text is "UTC" or "Z")
        {
            return TimeSpan.Zero;
        }
        if (text.Length == 6 && text[0] is '+' or '-' && TimeSpan.TryParseExact(text[1..], @"hh\:mm", null, out var offset))
        {
            return text[0] == '-' ? -offset : offset;
        }
        throw new CelEvaluationException($"unsupported time zone: {text}");
    }
}
