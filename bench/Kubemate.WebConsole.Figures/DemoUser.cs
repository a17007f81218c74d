namespace Kubemate.WebConsole.Figures;

/// <summary>Who the harness signs in as: the demo estate's cluster admin, who sees every namespace.</summary>
internal static class DemoUser
{
    public const string Name = "alice";
    public const string Password = "alice-demo";
}
