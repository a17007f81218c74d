namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>
/// A server-side estimate of how wide SVG text is drawn, since the browser's measurement is not available when the
/// layout is computed. It errs on the wide side (so boxes rather overlap nothing than clip), counting East Asian
/// characters a full em and Latin ones about 0.6 em.
/// </summary>
public static class TextWidth
{
    public static double Of(string text, double fontSize)
    {
        var ems = 0.0;
        foreach (var c in text)
        {
            ems += c switch
            {
                >= '\u2E80' => 1.0,
                ' ' or '.' or ',' or ':' or ';' or '\'' or '|' or 'i' or 'l' or 'j' or '·' => 0.35,
                >= 'A' and <= 'Z' or 'm' or 'w' or '%' => 0.8,
                >= '0' and <= '9' => 0.56,
                _ => 0.6,
            };
        }
        return ems * fontSize;
    }

    /// <summary>The text, cut with an ellipsis so it is drawn no wider than <paramref name="maxWidth"/>.</summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        if (Of(text, fontSize) <= maxWidth)
        {
            return text;
        }
        var length = text.Length;
        while (length > 1 && Of(text[..length] + "…", fontSize) > maxWidth)
        {
            length--;
        }
        return text[..length] + "…";
    }
}
