namespace Kubemate.Application.Onboarding;

/// <summary>An onboarding exported for GitOps: the file name a repository would keep it under, and its YAML.</summary>
public sealed record OnboardingExport(string FileName, string Yaml);
