namespace Kubemate.WebConsole.Resources;

/// <summary>Marker for the console's strings: <c>ConsoleText.resx</c> (English) and <c>ConsoleText.zh-CN.resx</c>.</summary>
public sealed class ConsoleText;
