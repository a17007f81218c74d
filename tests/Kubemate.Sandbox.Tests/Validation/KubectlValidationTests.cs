using Kubemate.Testing;

namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>The real kubectl gets the apiserver's 422 for an object it would refuse, and prints it as it prints a cluster's.</summary>
public sealed class KubectlValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>, IDisposable
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"kubemate-validation-{Guid.NewGuid():N}.kubeconfig");

    [Fact]
    public async Task Kubectl_create_of_a_pod_whose_container_has_no_name_prints_the_422()
    {
        fixture.Server.WriteKubeconfig(_kubeconfig);
        var kubectl = new Kubectl(_kubeconfig);
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nameless
              namespace: default
            spec:
              containers:
              - image: nginx
            """;

        var result = await kubectl.RunAsync(["create", "-f", "-"], pod);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Pod \"nameless\" is invalid: spec.containers[0].name: Required value", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("InternalError", result.StdErr, StringComparison.Ordinal);
        var get = await kubectl.RunAsync("get", "pod", "nameless", "-n", "default");
        Assert.Contains("NotFound", get.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_deployment_without_a_selector_prints_each_invalid_field_on_its_line()
    {
        fixture.Server.WriteKubeconfig(_kubeconfig);
        var kubectl = new Kubectl(_kubeconfig);
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: loose
              namespace: default
            spec:
              template:
                metadata:
                  labels: {app: loose}
                spec:
                  containers: []
            """;

        var result = await kubectl.RunAsync(["create", "-f", "-"], deployment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Deployment \"loose\" is invalid: \n* spec.selector: Required value\n", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("\n* spec.template.spec.containers: Required value", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_pod_mounting_a_volume_it_does_not_have_prints_the_422()
    {
        fixture.Server.WriteKubeconfig(_kubeconfig);
        var kubectl = new Kubectl(_kubeconfig);
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: mountless
              namespace: default
            spec:
              containers:
              - name: app
                image: nginx
                volumeMounts:
                - name: data
                  mountPath: /data
            """;

        var result = await kubectl.RunAsync(["create", "-f", "-"], pod);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Pod \"mountless\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"data\"", result.StdErr, StringComparison.Ordinal);
        var get = await kubectl.RunAsync("get", "pod", "mountless", "-n", "default");
        Assert.Contains("NotFound", get.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_node_port_outside_the_range_prints_the_allocator_refusal()
    {
        fixture.Server.WriteKubeconfig(_kubeconfig);
        var kubectl = new Kubectl(_kubeconfig);
        const string service = """
            apiVersion: v1
            kind: Service
            metadata:
              name: lowport
              namespace: default
            spec:
              type: NodePort
              selector: {app: web}
              ports:
              - port: 80
                nodePort: 8080
            """;

        var result = await kubectl.RunAsync(["create", "-f", "-"], service);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Service \"lowport\" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_replica_set_with_replicas_in_words_prints_the_decoder_refusal()
    {
        fixture.Server.WriteKubeconfig(_kubeconfig);
        var kubectl = new Kubectl(_kubeconfig);
        const string replicaSet = """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: wordy
              namespace: default
            spec:
              replicas: "three"
              selector:
                matchLabels: {app: wordy}
              template:
                metadata:
                  labels: {app: wordy}
                spec:
                  containers:
                  - name: app
                    image: nginx
            """;

        var result = await kubectl.RunAsync(["create", "-f", "-"], replicaSet);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ReplicaSet in version \"v1\" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32", result.StdErr, StringComparison.Ordinal);
        var get = await kubectl.RunAsync("get", "replicaset", "wordy", "-n", "default");
        Assert.Contains("NotFound", get.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_kubeconfig);
}
