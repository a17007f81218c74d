using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The Kubernetes API calls <see cref="TrafficFaultClient"/> needs, over HTTP: the CLI hands it the cluster
/// connection of its kubeconfig, tests a client of the sandbox. Errors are the implementation's exceptions.
/// </summary>
public interface IFaultApi
{
    /// <summary>GET that answers null on 404.</summary>
    Task<JsonObject?> GetOrNullAsync(string path, CancellationToken cancellationToken);

    Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken);
}

/// <summary>Input the fault commands reject before calling the cluster; the message names the field.</summary>
public sealed class FaultInputException(string message) : Exception(message);
