namespace Kubemate.Sandbox.Scale;

/// <summary>One printed figure; <see cref="Goal"/> and <see cref="Met"/> only for the figures the issue sets a goal for.</summary>
public sealed record Figure(string Name, string Value, string Goal = "", bool? Met = null)
{
    public static void PrintTable(IReadOnlyList<Figure> figures, TextWriter output)
    {
        var nameWidth = Math.Max("figure".Length, figures.Max(f => f.Name.Length));
        var valueWidth = Math.Max("value".Length, figures.Max(f => f.Value.Length));
        var goalWidth = Math.Max("goal".Length, figures.Max(f => f.Goal.Length));
        output.WriteLine($"| {"figure".PadRight(nameWidth)} | {"value".PadRight(valueWidth)} | {"goal".PadRight(goalWidth)} | met |");
        output.WriteLine($"|{new string('-', nameWidth + 2)}|{new string('-', valueWidth + 2)}|{new string('-', goalWidth + 2)}|-----|");
        foreach (var figure in figures)
        {
            var met = figure.Met switch { true => "yes", false => "NO", null => "" };
            output.WriteLine($"| {figure.Name.PadRight(nameWidth)} | {figure.Value.PadRight(valueWidth)} | {figure.Goal.PadRight(goalWidth)} | {met,-3} |");
        }
    }
}
