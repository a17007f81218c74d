namespace Kubemate.WebConsole.Onboarding;

/// <summary>One row of the progress list. <see cref="Detail"/> is a skip-reason code or the server's message.</summary>
public sealed record WorkloadProgress(string Kind, string Name, WorkloadProgressState State, int MeshedPods, int TotalPods, string? Detail)
{
    public string Key => $"{Kind}/{Name}";
}
