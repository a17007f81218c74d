using MudBlazor;

namespace Kubemate.WebConsole.Layout;

/// <summary>Kubemate's light and dark palettes.</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#00897b",
            AppbarBackground = "#17324d",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8ff",
            Secondary = "#4db6ac",
            AppbarBackground = "#111a24",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
