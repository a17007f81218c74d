using Kubemate.Drivers.Tests.Support;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Testing;

namespace Kubemate.Drivers.Tests;

public class TelemetryAndInjectionTests
{
    [Fact]
    public void Linkerd_vocabulary_names_series_and_labels_a_real_proxy_exports()
    {
        var metrics = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "linkerd-metrics", "linkerd2", "sampleMetrics.txt"));
        var vocabulary = MeshDrivers.Linkerd.Telemetry;

        foreach (var series in new[] { vocabulary.RequestsMetric!, vocabulary.ResponsesMetric, vocabulary.LatencyBucketMetric })
        {
            Assert.Contains("\n" + series + "{", metrics, StringComparison.Ordinal);
        }
        foreach (var label in new[] { vocabulary.ReporterLabel, vocabulary.ClientPeer.Kinds[0].Label, vocabulary.ClientPeer.NamespaceLabel, vocabulary.StatusCodeLabel, vocabulary.ClassificationLabel!, vocabulary.TlsLabel! })
        {
            Assert.Contains(label + "=\"", metrics, StringComparison.Ordinal);
        }
        Assert.Contains($"{vocabulary.ClassificationLabel}=\"{vocabulary.SuccessValue}\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void Istio_vocabulary_uses_the_istio_standard_metric_names()
    {
        var vocabulary = MeshDrivers.Istio.Telemetry;

        Assert.Equal("istio_requests_total", vocabulary.ResponsesMetric);
        Assert.Equal("istio_request_duration_milliseconds_bucket", vocabulary.LatencyBucketMetric);
        Assert.Equal(("reporter", "destination", "source"), (vocabulary.ReporterLabel, vocabulary.ServerSideValue, vocabulary.ClientSideValue));
        Assert.Equal(("source_workload", "destination_workload", "response_code"), (vocabulary.ClientWorkload.Kinds[0].Label, vocabulary.ClientPeer.Kinds[0].Label, vocabulary.StatusCodeLabel));
    }

    [Fact]
    public void Linkerd_injection_patch_annotates_the_namespace_and_can_switch_it_off()
    {
        var on = MeshDrivers.Linkerd.InjectionPatch(InjectionTarget.ForNamespace("payment"), enabled: true);
        var off = MeshDrivers.Linkerd.InjectionPatch(InjectionTarget.ForNamespace("payment"), enabled: false);

        Assert.Equal("enabled", KubeJson.Annotations(on)["linkerd.io/inject"]);
        Assert.Equal("disabled", KubeJson.Annotations(off)["linkerd.io/inject"]);
        Assert.Equal(["apiVersion", "kind", "metadata"], on.Select(p => p.Key));
    }

    [Fact]
    public void Istio_injection_patch_labels_the_namespace_or_the_pod_template()
    {
        var ns = MeshDrivers.Istio.InjectionPatch(InjectionTarget.ForNamespace("payment"), enabled: true);
        var workload = MeshDrivers.Istio.InjectionPatch(InjectionTarget.ForWorkload("StatefulSet", "ledger", "payment"), enabled: false);

        Assert.Equal("enabled", KubeJson.StringMap(KubeJson.Object(ns, "metadata.labels"))["istio-injection"]);
        Assert.Equal("apps/v1", KubeJson.ApiVersion(workload));
        Assert.Equal("false", KubeJson.StringMap(KubeJson.Object(workload, "spec.template.metadata.labels"))["sidecar.istio.io/inject"]);
    }

    [Fact]
    public void Linkerd_injection_patch_for_a_workload_annotates_its_pod_template()
    {
        var patch = MeshDrivers.Linkerd.InjectionPatch(InjectionTarget.ForWorkload("Deployment", "orders", "orders"), enabled: true);

        Assert.Equal("orders", KubeJson.Namespace(patch));
        Assert.Equal("enabled", KubeJson.StringMap(KubeJson.Object(patch, "spec.template.metadata.annotations"))["linkerd.io/inject"]);
    }

    [Theory]
    [InlineData("linkerd")]
    [InlineData("istio")]
    public void The_conventions_name_the_switch_the_driver_writes_and_reads(string provider)
    {
        var driver = MeshDrivers.Registry.Create(provider);
        var conventions = driver.Conventions;

        foreach (var (target, convention) in new[] { (InjectionTarget.ForNamespace("payment"), conventions.NamespaceInjection), (InjectionTarget.ForWorkload("Deployment", "orders", "payment"), conventions.WorkloadInjection) })
        {
            var patch = driver.InjectionPatch(target, enabled: false);
            var metadata = target.IsNamespace ? KubeJson.Object(patch, "metadata") : KubeJson.Object(patch, "spec.template.metadata");
            var written = KubeJson.StringMap(KubeJson.Object(metadata, convention.Kind == Kubemate.Model.Drivers.InjectionSwitchKind.Label ? "labels" : "annotations"));
            Assert.Equal(convention.OffValue, written[convention.Key]);
            var read = Assert.Single(driver.Read([driver.InjectionPatch(target, enabled: true)]).Models.OfType<MeshInjection>());
            Assert.True(read.Enabled);
        }
        Assert.NotEmpty(conventions.ControlPlane);
        Assert.NotEmpty(conventions.IdentityIssuer);
        Assert.Equal(conventions.Proxy.ContainerName, conventions.Telemetry.Scrape.Container);
    }
}
