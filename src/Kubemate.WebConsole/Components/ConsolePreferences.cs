namespace Kubemate.WebConsole.Components;

/// <summary>Display choices remembered in cookies and cascaded to every page.</summary>
public sealed record ConsolePreferences(bool DarkMode);
