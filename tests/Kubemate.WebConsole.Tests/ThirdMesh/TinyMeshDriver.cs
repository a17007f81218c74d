using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Model.Validation;

namespace Kubemate.WebConsole.Tests.ThirdMesh;

/// <summary>
/// An imaginary third mesh, defined only here: its proxy is <c>tiny-proxy</c>, injection is the label
/// <c>tinymesh.example/inject: on|off</c>, its control plane is <c>tiny-controller</c> in <c>tiny-system</c>, its CA
/// is Secret <c>tiny-ca</c> key <c>ca.pem</c>, and its proxies export <c>tiny_responses_total</c> with labels of
/// their own. Nothing outside this class knows any of it.
/// </summary>
public sealed class TinyMeshDriver() : MeshDriverBase(Name, Name)
{
    public const string Name = "tinymesh";
    public const string InjectLabel = "tinymesh.example/inject";

    public override MeshCapabilities Capabilities { get; } = new() { Injection = true };

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

    protected override IReadOnlyList<IModelMapper> Mappers { get; } = [new InjectionMapper()];

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
}
