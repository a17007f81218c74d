using System.Globalization;
using System.Text;

namespace Kubemate.Schema.Cel;

/// <summary>The strings library's <c>"...".format([args])</c>: <c>%s %d %f %e %x %X %o %b %%</c>, with an optional precision for floats.</summary>
internal static class CelFormat
{
    public static string Format(string template, CelList args, CelBudget budget)
    {
        var result = new StringBuilder();
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '%')
            {
                result.Append(template[i]);
                continue;
            }
            if (++i >= template.Length)
            {
                throw new CelEvaluationException("unexpected end of string");
            }
            if (template[i] == '%')
            {
                result.Append('%');
                continue;
            }
            int? precision = null;
            if (template[i] == '.')
            {
                var start = ++i;
                while (i < template.Length && char.IsAsciiDigit(template[i]))
                {
                    i++;
                }
                precision = i > start && i - start < 3 ? int.Parse(template[start..i], CultureInfo.InvariantCulture) : throw new CelEvaluationException("invalid precision");
                if (i >= template.Length)
                {
                    throw new CelEvaluationException("unexpected end of string");
                }
            }
            if (next >= args.Count)
            {
                throw new CelEvaluationException($"index {next} out of range");
            }
            result.Append(Verb(template[i], args.Items[next++], precision));
            if (result.Length > CelBudget.MaxStringLength)
            {
                throw new CelEvaluationException($"string exceeds the limit of {CelBudget.MaxStringLength} characters");
            }
        }
        return budget.Built(result.ToString());
    }

    // Digits of |value| in base 2^bitsPerDigit, long.MinValue included.
    private static string Magnitude(long value, int bitsPerDigit)
    {
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var digits = new StringBuilder();
        do
        {
            digits.Insert(0, (char)('0' + (int)(magnitude & ((1UL << bitsPerDigit) - 1))));
            magnitude >>= bitsPerDigit;
        }
        while (magnitude > 0);
        return digits.ToString();
    }

    private static string Verb(char verb, object? value, int? precision)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return VerbOf(verb, value, precision);
    }

    private static string VerbOf(char verb, object? value, int? precision) => (verb, value) switch
    {
        ('s', CelList list) => "[" + string.Join(", ", list.Items.Select(item => Verb('s', item, null))) + "]",
        ('s', null) => "null",
        ('s', _) => CelFunctions.ToText(value),
        ('d', long or ulong) => CelFunctions.ToText(value),
        ('f', double d) => d.ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture),
        ('f', long or ulong) => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture),
        ('e', double or long or ulong) => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0." + new string('0', precision ?? 6) + "e+00", CultureInfo.InvariantCulture),
        ('x', long l) => l < 0 ? "-" + (-(decimal)l).ToString("x", CultureInfo.InvariantCulture) : l.ToString("x", CultureInfo.InvariantCulture),
        ('x', ulong u) => u.ToString("x", CultureInfo.InvariantCulture),
        ('x', string s) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
        ('X', long l) => l < 0 ? "-" + ((ulong)-l).ToString("X", CultureInfo.InvariantCulture) : l.ToString("X", CultureInfo.InvariantCulture),
        ('X', ulong u) => u.ToString("X", CultureInfo.InvariantCulture),
        ('X', string s) => Convert.ToHexString(Encoding.UTF8.GetBytes(s)),
        ('o', long l) => (l < 0 ? "-" : string.Empty) + Magnitude(l, 3),
        ('b', long l) => (l < 0 ? "-" : string.Empty) + Magnitude(l, 1),
        ('b', bool b) => b ? "true" : "false",
        _ => throw new CelEvaluationException($"could not format {CelEquality.TypeName(value)} with %{verb}"),
    };
}
