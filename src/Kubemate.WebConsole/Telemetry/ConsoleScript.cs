using Kubemate.WebConsole.Assets;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>The URL of an embedded console script, or null when this build does not embed it (the page then works without it).</summary>
public static class ConsoleScript
{
    public static string? Url(string name)
    {
        try
        {
            return ConsoleAssets.Url(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
