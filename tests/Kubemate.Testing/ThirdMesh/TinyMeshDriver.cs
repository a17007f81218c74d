using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Testing.ThirdMesh;

/// <summary>
/// An imaginary third mesh, defined only here: its proxy is <c>tiny-proxy</c>, injection is the label
/// <c>tinymesh.example/inject: on|off</c>, its control plane is <c>tiny-controller</c> in <c>tiny-system</c>, its CA
/// is Secret <c>tiny-ca</c> key <c>ca.pem</c>, and its proxies export <c>tiny_responses_total</c> with labels of
/// their own; its traffic splits are <c>tinymesh.example/v1 Split</c> objects. Nothing outside this class knows any
/// of it: the driver tests render and read models with it, the console's tests onboard, read status and telemetry.
/// </summary>
public sealed class TinyMeshDriver() : MeshDriverBase(Name, Name)
{
    public const string Name = "tinymesh";
    public const string InjectLabel = "tinymesh.example/inject";

    public override MeshCapabilities Capabilities { get; } = new() { Injection = true, TrafficSplits = true };

    public override MeshConventions Conventions { get; } = new()
    {
        DisplayName = "TinyMesh",
        Proxy = new ProxyConvention("tiny-proxy", "tinymesh.example/proxy-version"),
        NamespaceInjection = new InjectionSwitch(InjectionSwitchKind.Label, InjectLabel, "on", "off"),
        WorkloadInjection = new InjectionSwitch(InjectionSwitchKind.Label, InjectLabel, "on", "off"),
        ControlPlane = [new ControlPlaneNamespace("tiny-system", ["tiny-controller"])],
        IdentityIssuer = [new SecretKeyLocation("tiny-system", "tiny-ca", "ca.pem")],
        Telemetry = new TelemetryVocabulary
        {
            ResponsesMetric = "tiny_responses_total",
            LatencyBucketMetric = "tiny_latency_ms_bucket",
            LatencyUnit = "ms",
            ReporterLabel = "side",
            ServerSideValue = "server",
            ClientSideValue = "client",
            ServerWorkload = new("tiny_ns", [new WorkloadKindLabel(null, "tiny_workload")]),
            ClientWorkload = new("tiny_ns", [new WorkloadKindLabel(null, "tiny_workload")]),
            ClientPeer = new("peer_ns", [new WorkloadKindLabel(null, "peer_workload")]),
            DestinationServiceLabel = "peer_service",
            StatusCodeLabel = "code",
            TlsLabel = "secure",
            TlsSecuredValue = "yes",
            TcpOpenConnections = new TcpConnectionsMetric("tiny_open_connections", []),
            Scrape = new ScrapeConvention { Job = "tiny-proxy", Container = "tiny-proxy", PortName = "tiny-metrics", Path = "stats" },
        },
    };

    protected override IReadOnlyList<IModelMapper> Mappers { get; } = [new InjectionMapper(), new SplitMapper()];

    public override JsonObject InjectionPatch(InjectionTarget target, bool enabled) =>
        this.Render(new MeshInjection { Target = target, Enabled = enabled })[0];

    /// <summary>The switch as a label on the Namespace or on a Deployment's pod template.</summary>
    private sealed class InjectionMapper : IModelMapper
    {
        public bool Handles(IMeshModel model) => model is MeshInjection;

        public IEnumerable<ValidationProblem> Validate(IMeshModel model) => [];

        public IEnumerable<JsonObject> Render(IMeshModel model)
        {
            var injection = (MeshInjection)model;
            var value = injection.Enabled == true ? "on" : "off";
            if (injection.Target.IsNamespace)
            {
                var ns = KubeJson.NewObject("v1", "Namespace", injection.Target.Name, null);
                KubeJson.SetLabel(ns, InjectLabel, value);
                yield return ns;
                yield break;
            }
            var workload = KubeJson.NewObject("apps/v1", injection.Target.WorkloadKind!, injection.Target.Name, injection.Target.Namespace);
            workload["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [InjectLabel] = value } } } };
            yield return workload;
        }

        public IEnumerable<IMeshModel> Read(ObjectPool pool)
        {
            foreach (var ns in pool.All("", "Namespace"))
            {
                if (KubeJson.StringMap(KubeJson.Object(ns, "metadata.labels")).TryGetValue(InjectLabel, out var value) && value is "on" or "off")
                {
                    pool.Claim(ns);
                    yield return new MeshInjection { Target = InjectionTarget.ForNamespace(KubeJson.Name(ns)), Enabled = value == "on" };
                }
            }
            foreach (var kind in new[] { "Deployment", "StatefulSet", "DaemonSet" })
            {
                foreach (var workload in pool.All("apps", kind))
                {
                    if (KubeJson.StringMap(KubeJson.Object(workload, "spec.template.metadata.labels")).TryGetValue(InjectLabel, out var value) && value is "on" or "off")
                    {
                        pool.Claim(workload);
                        yield return new MeshInjection
                        {
                            Target = InjectionTarget.ForWorkload(kind, KubeJson.Name(workload), KubeJson.Namespace(workload)),
                            Enabled = value == "on",
                        };
                    }
                }
            }
        }
    }

    /// <summary>A traffic split as a <c>tinymesh.example/v1 Split</c> naming its backends' weights.</summary>
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
