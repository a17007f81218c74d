using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Kubemate.WebConsole.Localization;

/// <summary>The console's languages: English (the default) and Simplified Chinese.</summary>
public static class ConsoleCultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> Supported { get; } = [English, Chinese];

    /// <summary>The supported culture a requested name selects (e.g. <c>zh-cn</c> selects <c>zh-CN</c>), or null.</summary>
    public static string? Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language's own name, as language pickers show it.</summary>
    public static string Autonym(string culture) => culture == Chinese ? "中文" : "English";

    /// <summary>The remembered choice (the culture cookie) first, then the browser's Accept-Language, then English.</summary>
    public static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }
}
