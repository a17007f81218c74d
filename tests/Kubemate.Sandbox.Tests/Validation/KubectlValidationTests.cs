using Kubemate.Testing;

namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>The real kubectl gets the apiserver's 422 for an object it would refuse, and prints it as it prints a cluster's.</summary>
public sealed class KubectlValidationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>, IDisposable
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"kubemate-validation-{Guid.NewGuid():N}.kubeconfig");

    [Fact]
    public async Task Kubectl_create_of_a_pod_whose_container_has_no_name_prints_the_422()
    {
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

        var stdErr = await CreateRefusedAsync(pod, "pod", "nameless");

        Assert.Contains("Pod \"nameless\" is invalid: spec.containers[0].name: Required value", stdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("InternalError", stdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_deployment_without_a_selector_prints_each_invalid_field_on_its_line()
    {
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

        var stdErr = await CreateRefusedAsync(deployment, "deployment", "loose");

        Assert.Contains("The Deployment \"loose\" is invalid: \n* spec.selector: Required value\n", stdErr, StringComparison.Ordinal);
        Assert.Contains("\n* spec.template.spec.containers: Required value", stdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_pod_mounting_a_volume_it_does_not_have_prints_the_422()
    {
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

        var stdErr = await CreateRefusedAsync(pod, "pod", "mountless");

        Assert.Contains("The Pod \"mountless\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"data\"", stdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_node_port_outside_the_range_prints_the_allocator_refusal()
    {
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

        var stdErr = await CreateRefusedAsync(service, "service", "lowport");

        Assert.Contains("The Service \"lowport\" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767", stdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_create_of_a_replica_set_with_replicas_in_words_prints_the_decoder_refusal()
    {
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

        var stdErr = await CreateRefusedAsync(replicaSet, "replicaset", "wordy");

        Assert.Contains("ReplicaSet in version \"v1\" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32", stdErr, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>kubectl create -f -</c>, checks it failed and that the object reads back NotFound; returns stderr.</summary>
    private async Task<string> CreateRefusedAsync(string manifest, string kind, string name)
    {
        fixture.Server.WriteKubeconfig(_kubeconfig);
        var kubectl = new Kubectl(_kubeconfig);
        var result = await kubectl.RunAsync(["create", "-f", "-"], manifest);
        Assert.NotEqual(0, result.ExitCode);
        var get = await kubectl.RunAsync("get", kind, name, "-n", "default");
        Assert.Contains("NotFound", get.StdErr, StringComparison.Ordinal);
        return result.StdErr;
    }

    public void Dispose() => File.Delete(_kubeconfig);
}
