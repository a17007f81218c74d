using System.Text.Json.Nodes;
using Kubemate.Drivers.Tests.Support;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Tests;

/// <summary>
/// A third mesh is a driver class plus one registration: no other code changes. This covers the driver layer; the
/// console's test project runs onboarding, status, the overview and telemetry for another imaginary mesh
/// (Kubemate.WebConsole.Tests/ThirdMesh).
/// </summary>
public class ThirdDriverTests
{
    [Fact]
    public void A_third_driver_registered_next_to_the_others_renders_and_reads_the_same_models()
    {
        var registry = MeshDrivers.Registry.Register(TinyMeshDriver.Name, () => new TinyMeshDriver());

        var driver = registry.Create("tinymesh");
        var read = driver.Read(driver.Render(SampleModels.SmiCanary));

        Assert.Equal(SampleModels.SmiCanary, Assert.Single(read.Models));
        Assert.True(driver.Capabilities.TrafficSplits);
        Assert.False(driver.Capabilities.AccessIntents);
        Assert.Contains("tinymesh", registry.Providers);
    }

    [Fact]
    public void A_third_driver_refuses_what_its_capabilities_leave_out()
    {
        var driver = new MeshDriverRegistry().Register(TinyMeshDriver.Name, () => new TinyMeshDriver()).Create(TinyMeshDriver.Name);

        var problems = Assert.Throws<ModelValidationException>(() => driver.Render(SampleModels.OrdersMayPay)).Problems;

        Assert.Contains(problems, p => p.Reason.Contains("cannot render a AccessIntent", StringComparison.Ordinal));
    }

    [Fact]
    public void Asking_for_an_unknown_provider_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => MeshDrivers.Registry.Create("consul"));

        Assert.Contains("linkerd:smi-v1alpha1", error.Message, StringComparison.Ordinal);
        Assert.Contains("istio", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An imaginary mesh whose splits are <c>tinymesh.example/v1 Split</c> objects.</summary>
    private sealed class TinyMeshDriver() : MeshDriverBase(Name, "tinymesh")
    {
        public const string Name = "tinymesh";

        public override MeshCapabilities Capabilities { get; } = new() { TrafficSplits = true };

        public override MeshConventions Conventions { get; } = new()
        {
            DisplayName = "TinyMesh",
            Proxy = new ProxyConvention("tiny-proxy"),
            NamespaceInjection = new InjectionSwitch(InjectionSwitchKind.Label, "tinymesh.example/inject", "on", "off"),
            WorkloadInjection = new InjectionSwitch(InjectionSwitchKind.Label, "tinymesh.example/inject", "on", "off"),
            ControlPlane = [new ControlPlaneNamespace("tiny-system", ["tiny-controller"])],
            IdentityIssuer = [],
            Telemetry = new TelemetryVocabulary
            {
                ResponsesMetric = "tiny_responses_total",
                LatencyBucketMetric = "tiny_latency_ms_bucket",
                LatencyUnit = "ms",
                ReporterLabel = "side",
                ServerSideValue = "server",
                ClientSideValue = "client",
                ServerWorkload = new("ns", [new WorkloadKindLabel(null, "workload")]),
                ClientWorkload = new("ns", [new WorkloadKindLabel(null, "workload")]),
                ClientPeer = new("dst_ns", [new WorkloadKindLabel(null, "dst")]),
                DestinationServiceLabel = "dst_svc",
                StatusCodeLabel = "code",
                Scrape = new ScrapeConvention { Job = "tiny-proxy", Container = "tiny-proxy", PortName = "metrics", Path = "metrics" },
            },
        };

        protected override IReadOnlyList<IModelMapper> Mappers { get; } = [new SplitMapper()];

        public override JsonObject InjectionPatch(InjectionTarget target, bool enabled) =>
            throw new NotSupportedException("tinymesh injects every pod");

        private sealed class SplitMapper : IModelMapper
        {
            public bool Handles(IMeshModel model) => model is TrafficSplit;

            public IEnumerable<ValidationProblem> Validate(IMeshModel model) => [];

            public IEnumerable<JsonObject> Render(IMeshModel model)
            {
                var split = (TrafficSplit)model;
                var obj = KubeJson.NewObject("tinymesh.example/v1", "Split", split.Name, split.Namespace);
                obj["spec"] = new JsonObject
                {
                    ["service"] = split.Service,
                    ["to"] = new JsonObject(split.Backends.Select(b => KeyValuePair.Create(b.Service, (JsonNode?)b.Weight))),
                };
                yield return obj;
            }

            public IEnumerable<IMeshModel> Read(ObjectPool pool)
            {
                foreach (var obj in pool.Unclaimed("tinymesh.example", "Split"))
                {
                    pool.Claim(obj);
                    yield return new TrafficSplit
                    {
                        Name = KubeJson.Name(obj),
                        Namespace = KubeJson.Namespace(obj),
                        Service = KubeJson.String(obj, "spec.service")!,
                        Backends = KubeJson.Object(obj, "spec.to")!.Select(p => new WeightedBackend { Service = p.Key, Weight = KubeJson.AsInt(p.Value) ?? 0 }).ToValueList(),
                    };
                }
            }
        }
    }
}
