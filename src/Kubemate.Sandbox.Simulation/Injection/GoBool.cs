namespace Kubemate.Sandbox.Simulation.Injection;

/// <summary>Booleans as Go's <c>strconv.ParseBool</c> reads them (1, t, T, TRUE, true, True, and the false forms).</summary>
internal static class GoBool
{
    public static bool TryParse(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
