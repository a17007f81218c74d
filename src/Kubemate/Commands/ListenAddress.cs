using System.Globalization;

namespace Kubemate.Commands;

/// <summary>A <c>--listen</c> value: <c>ADDRESS:PORT</c> (port 0 picks a free one; IPv6 in brackets).</summary>
public sealed record ListenAddress(string Address, int Port)
{
    public static (ListenAddress? Value, string? Problem) Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return (null, $"'{text}' is not ADDRESS:PORT (for example 127.0.0.1:6443)");
        }
        return (new ListenAddress(text[..colon].Trim('[', ']'), port), null);
    }
}
