namespace Kubemate.Application.Canary.Resource;

/// <summary>Gates a person opens (steps carry their own <see cref="ReleaseStep.Approval"/>).</summary>
public sealed record ApprovalGates(bool BeforePromotion = false);
