namespace Kubemate.WebConsole.Resources;

/// <summary>Marker for the canary release pages' strings: <c>CanaryText.resx</c> (English) and <c>CanaryText.zh-CN.resx</c>.</summary>
public sealed class CanaryText;
