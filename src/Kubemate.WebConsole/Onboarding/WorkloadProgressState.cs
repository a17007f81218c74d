namespace Kubemate.WebConsole.Onboarding;

/// <summary>Where one workload is in an onboarding run.</summary>
public enum WorkloadProgressState
{
    Waiting,
    Restarting,
    Done,
    Failed,
    Skipped,
}

/// <summary>Where the whole run is.</summary>
public enum OnboardingRunState
{
    Running,
    Completed,
    Failed,
}
