using System.Text;

namespace Kubemate.Schema.Cel;

/// <summary>The functions on strings: CEL's tests and Kubernetes' string library. Positions count code points, as in CEL.</summary>
internal static class CelStringFunctions
{
    public static object? Invoke(string name, string text, object?[] args, CelBudget budget)
    {
        budget.ChargeString(text);
        switch (name, args.Length)
        {
            case ("size", 0):
                return (long)CodePoints(text).Length;
            case ("contains", 1):
                return text.Contains(CelFunctions.Text(args[0], name), StringComparison.Ordinal);
            case ("startsWith", 1):
                return text.StartsWith(CelFunctions.Text(args[0], name), StringComparison.Ordinal);
            case ("endsWith", 1):
                return text.EndsWith(CelFunctions.Text(args[0], name), StringComparison.Ordinal);
            case ("matches", 1):
                return CelRegex.IsMatch(text, CelFunctions.Text(args[0], name), budget);
            case ("charAt", 1):
                var runes = CodePoints(text);
                var at = CelFunctions.Int(args[0], name);
                return at >= 0 && at <= runes.Length
                    ? at == runes.Length ? string.Empty : runes[at].ToString()
                    : throw new CelEvaluationException($"index out of range: {at}");
            case ("indexOf", _):
                return IndexOf(text, CelFunctions.Text(args[0], name), args.Length > 1 ? CelFunctions.Int(args[1], name) : 0, last: false);
            case ("lastIndexOf", _):
                return IndexOf(text, CelFunctions.Text(args[0], name), args.Length > 1 ? CelFunctions.Int(args[1], name) : -1, last: true);
            case ("lowerAscii", 0):
                return string.Create(text.Length, text, (span, source) => { for (var i = 0; i < source.Length; i++) span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i]; });
            case ("upperAscii", 0):
                return string.Create(text.Length, text, (span, source) => { for (var i = 0; i < source.Length; i++) span[i] = char.IsAsciiLetterLower(source[i]) ? (char)(source[i] - 32) : source[i]; });
            case ("replace", _):
                return Replace(text, CelFunctions.Text(args[0], name), CelFunctions.Text(args[1], name), args.Length > 2 ? CelFunctions.Int(args[2], name) : -1, budget);
            case ("split", _):
                return Split(text, CelFunctions.Text(args[0], name), args.Length > 1 ? CelFunctions.Int(args[1], name) : -1, budget);
            case ("substring", _):
                return Substring(text, CelFunctions.Int(args[0], name), args.Length > 1 ? CelFunctions.Int(args[1], name) : null);
            case ("trim", 0):
                return text.Trim();
            case ("reverse", 0):
                var reversed = CodePoints(text);
                Array.Reverse(reversed);
                return string.Concat(reversed.Select(rune => rune.ToString()));
            case ("format", 1):
                return args[0] is CelList list ? CelFormat.Format(text, list, budget) : throw CelEquality.NoOverload(name, text, args[0]);
            case ("find", 1):
                budget.Charge(text.Length / 10);
                var match = CelRegex.Get(CelFunctions.Text(args[0], name)).Match(text);
                return match.Success ? match.Value : string.Empty;
            case ("findAll", _):
                var limit = args.Length > 1 ? CelFunctions.Int(args[1], name) : -1;
                budget.Charge(text.Length / 10);
                var matches = CelRegex.Get(CelFunctions.Text(args[0], name)).Matches(text).Select(m => (object?)m.Value);
                return new CelList((limit < 0 ? matches : matches.Take((int)Math.Min(limit, int.MaxValue))).ToList());
            default:
                throw CelEquality.NoOverload(name, [text, .. args]);
        }
    }

    public static Rune[] CodePoints(string text) => text.EnumerateRunes().ToArray();

    private static long IndexOf(string text, string search, long from, bool last)
    {
        var runes = CodePoints(text);
        var needle = CodePoints(search);
        if (last && from < 0)
        {
            from = runes.Length;
        }
        if (from < 0 || from > runes.Length)
        {
            throw new CelEvaluationException($"index out of range: {from}");
        }
        if (last)
        {
            for (var i = (int)Math.Min(from, runes.Length - needle.Length); i >= 0; i--)
            {
                if (runes.AsSpan(i, needle.Length).SequenceEqual(needle))
                {
                    return i;
                }
            }
            return -1;
        }
        for (var i = (int)from; i + needle.Length <= runes.Length; i++)
        {
            if (runes.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        return -1;
    }

    private static string Replace(string text, string old, string replacement, long limit, CelBudget budget)
    {
        var occurrences = old.Length == 0 ? CodePoints(text).Length + 1 : CountOccurrences(text, old);
        if (limit >= 0)
        {
            occurrences = (int)Math.Min(occurrences, limit);
        }
        var resultLength = text.Length + ((long)occurrences * (replacement.Length - old.Length));
        if (resultLength > CelBudget.MaxStringLength)
        {
            throw new CelEvaluationException($"string of {resultLength} characters exceeds the limit of {CelBudget.MaxStringLength}");
        }
        var result = new StringBuilder();
        var runes = CodePoints(text);
        var done = 0;
        if (old.Length == 0)
        {
            foreach (var rune in runes)
            {
                if (done++ < occurrences)
                {
                    result.Append(replacement);
                }
                result.Append(rune.ToString());
            }
            if (done < occurrences)
            {
                result.Append(replacement);
            }
            return budget.Built(result.ToString());
        }
        var position = 0;
        while (done < occurrences)
        {
            var index = text.IndexOf(old, position, StringComparison.Ordinal);
            result.Append(text, position, index - position).Append(replacement);
            position = index + old.Length;
            done++;
        }
        result.Append(text, position, text.Length - position);
        return budget.Built(result.ToString());
    }

    private static int CountOccurrences(string text, string search)
    {
        var count = 0;
        for (var index = text.IndexOf(search, StringComparison.Ordinal); index >= 0; index = text.IndexOf(search, index + search.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static CelList Split(string text, string separator, long limit, CelBudget budget)
    {
        if (limit == 0)
        {
            return new CelList([]);
        }
        List<string> parts;
        if (separator.Length == 0)
        {
            parts = CodePoints(text).Select(rune => rune.ToString()).ToList();
            if (limit > 0 && parts.Count > limit)
            {
                parts = [.. parts.Take((int)limit - 1), string.Concat(parts.Skip((int)limit - 1))];
            }
        }
        else
        {
            parts = [.. limit > 0 ? text.Split(separator, (int)Math.Min(limit, int.MaxValue)) : text.Split(separator)];
        }
        budget.Charge(parts.Count);
        return new CelList(parts.Cast<object?>().ToList());
    }

    private static string Substring(string text, long start, long? end)
    {
        var runes = CodePoints(text);
        var stop = end ?? runes.Length;
        if (start < 0 || start > runes.Length)
        {
            throw new CelEvaluationException($"index out of range: {start}");
        }
        if (stop < start || stop > runes.Length)
        {
            throw new CelEvaluationException(stop < start ? $"invalid substring range. start: {start}, end: {stop}" : $"index out of range: {stop}");
        }
        return string.Concat(runes.Skip((int)start).Take((int)(stop - start)).Select(rune => rune.ToString()));
    }

    /// <summary>Returns the text of a list of strings joined, for <c>list.join(sep)</c>.</summary>
    public static string Join(CelList list, string separator, CelBudget budget)
    {
        long length = 0;
        foreach (var item in list.Items)
        {
            length += CelFunctions.Text(item, "join").Length + separator.Length;
        }
        if (length > CelBudget.MaxStringLength)
        {
            throw new CelEvaluationException($"string of {length} characters exceeds the limit of {CelBudget.MaxStringLength}");
        }
        return budget.Built(string.Join(separator, list.Items.Cast<string>()));
    }
}
