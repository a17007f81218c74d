using System.Text.Json.Nodes;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Admission;

public enum AdmissionOperation
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// A write on its way to storage. Mutating plugins may change <see cref="Object"/>; any plugin may refuse by
/// throwing an ApiError. <see cref="Store"/> lets plugins read the cluster, as webhooks do through the API.
/// </summary>
public sealed record AdmissionRequest(
    ResourceType Type,
    AdmissionOperation Operation,
    string Subresource,
    string Namespace,
    JsonObject Object,
    JsonObject? OldObject,
    SandboxIdentity User,
    bool DryRun,
    ObjectStore Store,
    ResourceRegistry Registry);

/// <summary>One admission step (mutating or validating), like an admission plugin or webhook of a real cluster.</summary>
public interface IAdmissionPlugin
{
    /// <summary>Mutating plugins run first, in registration order; validating ones after all mutations.</summary>
    bool Mutates { get; }

    void Admit(AdmissionRequest request);
}
