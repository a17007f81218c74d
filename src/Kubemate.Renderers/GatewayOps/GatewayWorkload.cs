using System.Text.Json.Nodes;

namespace Kubemate.Renderers.GatewayOps;

/// <summary>What a particular gateway adds to the common Deployment: providers, environment, mounted files.</summary>
internal sealed record GatewayWorkload
{
    public IReadOnlyList<string> ProviderArguments { get; init; } = [];

    public IReadOnlyList<JsonObject> Environment { get; init; } = [];

    public IReadOnlyList<(JsonObject Volume, JsonObject Mount)> Volumes { get; init; } = [];
}
