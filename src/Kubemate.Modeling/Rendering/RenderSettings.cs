using Kubemate.Model.Drivers;

namespace Kubemate.Modeling.Rendering;

/// <summary>How a model set is rendered.</summary>
public sealed record RenderSettings
{
    /// <summary>The driver mesh models are rendered with.</summary>
    public required IMeshDriver Mesh { get; init; }

    /// <summary>Render access intents through the mesh driver (mesh authorization).</summary>
    public bool IntentMeshLayer { get; init; } = true;

    /// <summary>Also render each access intent as a NetworkPolicy (see <see cref="AccessIntentNetworkRules"/>).</summary>
    public bool IntentNetworkLayer { get; init; }

    /// <summary>The clock PKI material is issued by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
