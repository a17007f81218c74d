namespace Kubemate.Schema;

/// <summary>A version's subresources: <c>/status</c> and <c>/scale</c>.</summary>
public sealed record CrdSubresources(bool Status, CrdScaleSubresource? Scale)
{
    public static readonly CrdSubresources None = new(false, null);
}

/// <summary>The <c>/scale</c> subresource: where replicas and the label selector live (JSON paths such as <c>.spec.replicas</c>).</summary>
public sealed record CrdScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
