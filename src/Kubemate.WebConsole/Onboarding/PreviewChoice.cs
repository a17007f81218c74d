namespace Kubemate.WebConsole.Onboarding;

/// <summary>What the user chose in a change preview: apply it to the cluster, or export it for a GitOps repository.</summary>
public enum PreviewChoice
{
    Apply,
    ExportForGitOps,
}
