using System.Text;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>Formats label pairs as Prometheus text (<c>a="x",b="y"</c>), in the given order, skipping null values.</summary>
public static class LabelText
{
    public static string Of(params (string Name, string? Value)[] labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            if (value is null)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(',');
            }
            text.Append(name).Append("=\"");
            foreach (var c in value)
            {
                text.Append(c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\n' => "\\n",
                    _ => c.ToString(),
                });
            }
            text.Append('"');
        }
        return text.ToString();
    }

    public static string Join(string first, string second) => first.Length == 0 ? second : second.Length == 0 ? first : first + "," + second;
}
