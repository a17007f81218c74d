using Kubemate.Cluster.Identity;

namespace Kubemate.Application;

/// <summary>Who asks, from where and on which cluster: what every audit record of an operation carries.</summary>
/// <param name="SourceAddress">The client's address, or <c>cli</c> for a local command.</param>
/// <param name="Cluster">The kubeconfig context, or <c>sandbox</c>.</param>
public sealed record OperationContext(UserIdentity User, string SourceAddress, string Cluster);
