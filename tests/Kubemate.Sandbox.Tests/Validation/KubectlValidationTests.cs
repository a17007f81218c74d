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

    public void Dispose() => File.Delete(_kubeconfig);
}
