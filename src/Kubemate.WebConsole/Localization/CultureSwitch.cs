namespace Kubemate.WebConsole.Localization;

/// <summary>The links of the language switch.</summary>
public static class CultureSwitch
{
    /// <summary>The URL that switches to <paramref name="culture"/> and comes back to <paramref name="currentUri"/>'s path and query.</summary>
    public static string Url(string culture, Uri currentUri) =>
        $"/culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(currentUri.PathAndQuery)}";

    public static string ThemeUrl(bool dark, Uri currentUri) =>
        $"/theme/set?mode={(dark ? "dark" : "light")}&redirectUri={Uri.EscapeDataString(currentUri.PathAndQuery)}";
}
