using System.Globalization;
using System.Text;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>Quotes a string the way Go's <c>%q</c> does, so messages read exactly like the apiserver's.</summary>
public static class GoQuote
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        builder.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (IsPrintable(rune))
                    {
                        builder.Append(rune.ToString());
                    }
                    else if (rune.Value <= 0xffff)
                    {
                        builder.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => true,
    };
}
