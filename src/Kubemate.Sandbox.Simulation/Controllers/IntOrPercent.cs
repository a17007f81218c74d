using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>Int-or-string values like <c>maxSurge: 25%</c>, scaled against a replica count as Kubernetes does.</summary>
public static class IntOrPercent
{
    /// <summary>The absolute value: an integer as is, a percentage of <paramref name="total"/> rounded up or down.</summary>
    /// <exception cref="FormatException">the value is neither an integer nor a percentage; the message names <paramref name="field"/>.</exception>
    public static int Scaled(JsonNode? value, int total, bool roundUp, string defaultValue, string field)
    {
        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            return (int)(number.GetLong() ?? 0);
        }
        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : defaultValue;
        if (text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            var exact = percent * (double)total / 100;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }
        throw new FormatException($"{field}: invalid value \"{text}\": must be an integer or a percentage (e.g. \"25%\")");
    }
}
