namespace Kubemate.Application.Canary.Releases;

/// <summary>No release (or Service) of that name in the namespace, or the CanaryRelease kind is not installed.</summary>
public sealed class ReleaseNotFoundException(string message) : Exception(message);
