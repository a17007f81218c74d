using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;
using Kubemate.Sandbox.Simulation.Traffic;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// Seeds the demo bank on an empty store, through the cluster writer so that admission (defaults, cluster IPs,
/// sidecar injection) and the controllers treat every object as if a client had created it. In order: the CRDs,
/// the demo users' RBAC, the mesh's control plane (Linkerd's, or istiod with <see cref="DemoMesh.Istio"/>), Traefik,
/// the bank's namespaces (injected by that mesh) and workloads, the routes.
/// A store that already holds anything beyond a fresh cluster's objects is left alone (e.g. after a restart).
/// </summary>
public sealed class DemoEstate(DemoMesh mesh = DemoMesh.Linkerd) : ISandboxComponent
{
    public const string Manager = "kubemate-demo-estate";
    private static readonly HashSet<string> FreshNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken)
    {
        var logger = context.Loggers.CreateLogger<DemoEstate>();
        if (!IsFresh(context.Store))
        {
            logger.LogInformation("the store already holds objects; the demo estate is not seeded again");
            return Task.CompletedTask;
        }
        var count = Seed(context, mesh, cancellationToken);
        logger.LogInformation("seeded the demo estate with {Mesh}: {Count} objects", mesh, count);
        return Task.CompletedTask;
    }

    /// <summary>
    /// True when the store holds only what every new cluster has: only the system namespaces and no CRDs but the
    /// sandbox's own (the traffic simulator installs TrafficFault even on an empty sandbox).
    /// </summary>
    public static bool IsFresh(ObjectStore store) =>
        store.List("apiextensions.k8s.io/customresourcedefinitions").Items.All(crd => crd.Key.Name.EndsWith("." + TrafficFaultCrd.Group, StringComparison.Ordinal))
        && store.List("/namespaces").Items.All(ns => FreshNamespaces.Contains(ns.Key.Name));

    private static int Seed(SandboxContext context, DemoMesh mesh, CancellationToken cancellationToken)
    {
        var now = context.Clock.GetUtcNow();
        var objects = new List<JsonObject>();
        // Istio's CRDs come with an Istio estate only, as `istioctl install` brings them.
        objects.AddRange(EmbeddedCrds.All().Where(c => mesh == DemoMesh.Istio || !c.File.StartsWith("istio/", StringComparison.Ordinal)).Select(c => c.Crd));
        objects.AddRange(DemoUsers.Rbac());
        objects.AddRange(mesh == DemoMesh.Istio
            ? IstioControlPlane.Objects(now)
            : LinkerdControlPlane.Objects(LinkerdIdentity.Generate(now, LinkerdControlPlane.TrustDomain), now));
        objects.AddRange(TraefikGateway.Objects());
        objects.AddRange(BankApplications.Objects(mesh));
        objects.AddRange(TraefikGateway.Routes(now));
        foreach (var obj in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                context.Writer.Create(obj, Manager);
            }
            catch (Exception ex)
            {
                var name = obj.Namespace() is { } ns ? $"{ns}/{obj.Name()}" : obj.Name();
                throw new InvalidOperationException($"seeding the demo estate failed at {obj.GetString("kind")} {name}: {ex.Message}", ex);
            }
        }
        return objects.Count;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
