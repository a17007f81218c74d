using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The Kubernetes API calls <see cref="TrafficFaultClient"/> needs, by kind, namespace and name: the CLI hands it
/// Kubemate.Cluster's typed accessors over the kubeconfig's connection, tests a client of the sandbox. Errors are the
/// implementation's exceptions.
/// </summary>
public interface IFaultApi
{
    /// <summary>The object, or null when it does not exist.</summary>
    Task<JsonObject?> GetOrNullAsync(FaultResource resource, string ns, string name, CancellationToken cancellationToken);

    /// <summary>The objects of one namespace, or of all when <paramref name="ns"/> is null.</summary>
    Task<IReadOnlyList<JsonObject>> ListAsync(FaultResource resource, string? ns, CancellationToken cancellationToken);

    /// <summary>Server-side apply, field manager <c>kubemate</c>, forced; returns what the server stored.</summary>
    Task<JsonObject> ApplyAsync(FaultResource resource, string ns, string name, JsonObject body, CancellationToken cancellationToken);

    /// <summary>A JSON merge patch, field manager <c>kubemate</c>.</summary>
    Task MergePatchAsync(FaultResource resource, string ns, string name, JsonObject patch, CancellationToken cancellationToken);

    Task DeleteAsync(FaultResource resource, string ns, string name, CancellationToken cancellationToken);
}

/// <summary>Input the fault commands reject before calling the cluster; the message names the field.</summary>
public sealed class FaultInputException(string message) : Exception(message);
