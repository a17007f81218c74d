namespace Kubemate.Schema.Cel;

/// <summary>A rule that does not compile; the message reads as cel-go's (<c>ERROR: &lt;input&gt;:1:5: ...</c>).</summary>
public sealed class CelSyntaxException(string message) : Exception(message)
{
    internal static CelSyntaxException At(string source, int position, string reason)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < position && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return new CelSyntaxException($"ERROR: <input>:{line}:{column}: {reason}");
    }
}
