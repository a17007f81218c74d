using Kubemate.Cluster.Apply;

namespace Kubemate.Direct.Terminal;

/// <summary>Prints each object's preview as a unified-style diff (<c>-</c> before, <c>+</c> after), coloured only on a terminal.</summary>
public static class DiffPrinter
{
    public static void Write(TextWriter output, IReadOnlyList<ObjectResult> objects, bool colour)
    {
        foreach (var result in objects)
        {
            var header = $"{result.Object}: {Describe(result)}";
            output.WriteLine(colour ? TerminalOutput.Cyan + header + TerminalOutput.Reset : header);
            if (result.Diff is { IsEmpty: false } diff)
            {
                output.WriteLine("--- before");
                output.WriteLine("+++ after");
                foreach (var (mark, line) in diff.Lines())
                {
                    var text = $"{mark} {line}";
                    output.WriteLine(!colour || mark == ' ' ? text : (mark == '+' ? TerminalOutput.Green : TerminalOutput.Red) + text + TerminalOutput.Reset);
                }
            }
            output.WriteLine();
        }
    }

    private static string Describe(ObjectResult result) => result.Status switch
    {
        ObjectStatus.Unchanged => "unchanged",
        ObjectStatus.Failed => $"{Operation(result.Operation)} refused: {result.Reason}",
        _ => Operation(result.Operation),
    };

    public static string Operation(ObjectOperation operation) => operation.ToString().ToLowerInvariant();
}
