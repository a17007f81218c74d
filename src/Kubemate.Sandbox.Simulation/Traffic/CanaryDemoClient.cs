using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Estate;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// What <c>kubemate sandbox canary-demo</c> does through the Kubernetes API: applies the demo's orders canary
/// (<see cref="CanaryDemo.OrdersV2Objects"/>, server-side apply, field manager <c>kubemate</c>) or deletes it.
/// </summary>
public sealed class CanaryDemoClient(IFaultApi api)
{
    /// <summary>Applies Deployment and Service orders/orders-v2; returns one line per object.</summary>
    /// <exception cref="FaultInputException">the replicas are negative, or the demo's orders Deployment does not exist.</exception>
    public async Task<IReadOnlyList<string>> AddAsync(int replicas, CancellationToken cancellationToken)
    {
        if (replicas < 0)
        {
            throw new FaultInputException($"--replicas: Invalid value: {replicas}: must not be negative");
        }
        if (await api.GetOrNullAsync(FaultResource.Deployment, CanaryDemo.Namespace, "orders", cancellationToken) is null)
        {
            throw new FaultInputException($"canary-demo: Deployment {CanaryDemo.Namespace}/orders does not exist: the canary needs the demo estate's orders");
        }
        var lines = new List<string>();
        foreach (var obj in CanaryDemo.OrdersV2Objects(replicas))
        {
            var resource = ResourceOf(obj.GetString("kind"));
            await api.ApplyAsync(resource, CanaryDemo.Namespace, obj.Name(), obj, cancellationToken);
            lines.Add($"{resource.Kind.ToLowerInvariant()} {CanaryDemo.Namespace}/{obj.Name()} applied");
        }
        return lines;
    }

    /// <summary>Deletes the canary's Service and Deployment where they exist; returns one line per deleted object.</summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var resource in new[] { FaultResource.Service, FaultResource.Deployment })
        {
            if (await api.GetOrNullAsync(resource, CanaryDemo.Namespace, CanaryDemo.Name, cancellationToken) is not null)
            {
                await api.DeleteAsync(resource, CanaryDemo.Namespace, CanaryDemo.Name, cancellationToken);
                lines.Add($"{resource.Kind.ToLowerInvariant()} {CanaryDemo.Namespace}/{CanaryDemo.Name} deleted");
            }
        }
        return lines;
    }

    private static FaultResource ResourceOf(string? kind) => kind switch
    {
        "Deployment" => FaultResource.Deployment,
        "Service" => FaultResource.Service,
        _ => throw new InvalidOperationException($"the canary demo has no object of kind {kind}"),
    };
}
