using Kubemate.Application.Meshes;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;

namespace Kubemate.WebConsole.Tests;

/// <summary>The shipped drivers' conventions, as the host hands them to telemetry.</summary>
public static class TestMeshes
{
    public static MeshConventions Linkerd { get; } = MeshCatalog.Shipped.Create("linkerd").Conventions;

    public static MeshConventions Istio { get; } = MeshCatalog.Shipped.Create("istio").Conventions;

    public static TelemetryOptions Options { get; } = new() { Mesh = Linkerd };

    public static EmbeddedStoreOptions Scrape(EmbeddedStoreOptions options) => options with { Mesh = options.Mesh ?? Linkerd };
}
