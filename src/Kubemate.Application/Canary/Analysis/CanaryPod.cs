namespace Kubemate.Application.Canary.Analysis;

/// <summary>What the release needs to know of one canary pod: whether it is ready and why a container waits, if one does.</summary>
public sealed record CanaryPod(string Name, bool Ready, string? WaitingReason = null, int Restarts = 0);
