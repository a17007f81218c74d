using System.Text.Json.Nodes;
using Kubemate.Testing;

namespace Kubemate.Tests.Sandbox;

/// <summary>The real kubectl against `kubemate sandbox`: reading, writing and patching as users do.</summary>
public sealed class KubectlBasicsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    [Fact]
    public async Task Get_namespaces_lists_the_demo_estate()
    {
        var output = await Kubectl.Ok("get", "ns");
        Assert.Contains("NAME", output);
        foreach (var ns in new[] { "default", "kube-system", "web", "orders", "payments", "users", "data", "linkerd", "traefik" })
        {
            Assert.Matches($"(?m)^{ns}\\s+Active", output);
        }
    }

    [Fact]
    public async Task Get_pods_in_all_namespaces_prints_running_pods_with_the_proxy()
    {
        var output = await Eventually.Until(() => Kubectl.Ok("get", "pods", "-A"), o => o.Contains("Running") && !o.Contains("Pending"), what: "all pods Running");
        Assert.Contains("NAMESPACE", output);
        Assert.Matches(@"(?m)^orders\s+orders-\S+\s+2/2\s+Running", output);
        Assert.Matches(@"(?m)^users\s+users-\S+\s+1/1\s+Running", output);
    }

    [Fact]
    public async Task Get_nodes_shows_the_simulated_workers_ready()
    {
        var output = await Kubectl.Ok("get", "nodes");
        foreach (var node in new[] { "sandbox-node-1", "sandbox-node-2", "sandbox-node-3" })
        {
            Assert.Matches($"(?m)^{node}\\s+Ready\\s+<none>\\s+\\S+\\s+v1.32.0", output);
        }
    }

    [Fact]
    public async Task Get_deployment_as_yaml_shows_the_stored_object()
    {
        var output = await Kubectl.Ok("get", "deploy", "-n", "orders", "-o", "yaml");
        Assert.Contains("kind: List", output);
        Assert.Contains("kind: Deployment", output);
        Assert.Contains("name: orders", output);
        Assert.Contains("resourceVersion:", output);
    }

    [Fact]
    public async Task Applying_the_same_file_twice_changes_nothing_the_second_time()
    {
        var manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: apply-twice
              namespace: default
            data:
              greeting: hello
            """;
        var file = await WriteTemp(manifest);
        var first = await Kubectl.Ok("apply", "-f", file);
        Assert.Contains("configmap/apply-twice created", first);
        var rv1 = await ResourceVersion("configmap", "apply-twice");
        var second = await Kubectl.Ok("apply", "-f", file);
        Assert.Contains("configmap/apply-twice unchanged", second);
        Assert.Equal(rv1, await ResourceVersion("configmap", "apply-twice"));
    }

    [Fact]
    public async Task Merge_and_strategic_patches_label_annotate_scale_and_set_image_change_the_deployment()
    {
        var file = await WriteTemp("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: patch-me
              namespace: default
            spec:
              replicas: 1
              selector:
                matchLabels: {app: patch-me}
              template:
                metadata:
                  labels: {app: patch-me}
                spec:
                  containers:
                  - name: app
                    image: ghcr.io/kubemate-demo/app:1.0.0
                    env:
                    - {name: A, value: "1"}
                  - name: sidecar
                    image: ghcr.io/kubemate-demo/sidecar:1.0.0
            """);
        await Kubectl.Ok("apply", "-f", file);
        await Kubectl.Ok("patch", "deploy", "patch-me", "--type", "merge", "-p", """{"metadata":{"labels":{"tier":"backend"}}}""");
        await Kubectl.Ok("patch", "deploy", "patch-me", "--type", "strategic", "-p",
            """{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"2"}]}]}}}}""");
        await Kubectl.Ok("label", "deploy", "patch-me", "team=orders");
        await Kubectl.Ok("annotate", "deploy", "patch-me", "owner=platform");
        await Kubectl.Ok("scale", "deploy", "patch-me", "--replicas=3");
        await Kubectl.Ok("set", "image", "deploy/patch-me", "app=ghcr.io/kubemate-demo/app:2.0.0");

        var deployment = JsonNode.Parse(await Kubectl.Ok("get", "deploy", "patch-me", "-o", "json"))!;
        Assert.Equal("backend", deployment["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        Assert.Equal("orders", deployment["metadata"]!["labels"]!["team"]!.GetValue<string>());
        Assert.Equal("platform", deployment["metadata"]!["annotations"]!["owner"]!.GetValue<string>());
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<int>());
        var containers = deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        var app = containers.Single(c => c!["name"]!.GetValue<string>() == "app")!;
        Assert.Equal("ghcr.io/kubemate-demo/app:2.0.0", app["image"]!.GetValue<string>());
        Assert.Equal(["A", "B"], app["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).Order());
        Assert.Equal("ghcr.io/kubemate-demo/sidecar:1.0.0", containers.Single(c => c!["name"]!.GetValue<string>() == "sidecar")!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_list_file_applies_and_creates_every_item()
    {
        // A `kind: List` gets kubectl's client-side validation (OpenAPI v2), not the server-side one.
        var file = await WriteTemp("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: listed-a, namespace: default}
              data: {k: a}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: listed-b, namespace: default}
              data: {k: b}
            """);
        var output = await Kubectl.Ok("apply", "-f", file);
        Assert.Contains("configmap/listed-a created", output);
        Assert.Contains("configmap/listed-b created", output);
    }

    [Fact]
    public async Task Api_resources_come_from_aggregated_discovery_with_short_names()
    {
        var output = await Kubectl.Ok("api-resources", "--api-group", "apps");
        Assert.Matches(@"(?m)^deployments\s+deploy\s+apps/v1\s+true\s+Deployment", output);
        Assert.Contains("customresourcedefinitions", await Kubectl.Ok("api-resources", "-o", "name"));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_a_second_delete_is_not_found()
    {
        await Kubectl.Ok("create", "configmap", "delete-me", "--from-literal=a=b");
        Assert.Contains("deleted", await Kubectl.Ok("delete", "configmap", "delete-me"));
        var again = await Kubectl.RunAsync("get", "configmap", "delete-me");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("NotFound", again.StdErr);
        Assert.Contains("configmaps \"delete-me\" not found", again.StdErr);
    }

    [Fact]
    public async Task Auth_can_i_answers_for_the_restricted_demo_user()
    {
        Assert.Equal("yes", (await Kubectl.Ok("auth", "can-i", "create", "deployments", "-n", "orders", "--context", "kubemate-sandbox-olivia")).Trim());
        var denied = await Kubectl.RunAsync("auth", "can-i", "create", "deployments", "-n", "payments", "--context", "kubemate-sandbox-olivia");
        Assert.Equal(1, denied.ExitCode);
        Assert.Equal("no", denied.StdOut.Trim());
        Assert.Equal("yes", (await Kubectl.Ok("auth", "can-i", "list", "pods", "-n", "payments", "--context", "kubemate-sandbox-audrey")).Trim());
        var auditorWrite = await Kubectl.RunAsync("auth", "can-i", "delete", "pods", "-n", "payments", "--context", "kubemate-sandbox-audrey");
        Assert.Equal("no", auditorWrite.StdOut.Trim());
    }

    [Fact]
    public async Task The_restricted_user_is_forbidden_outside_its_namespace_with_the_rbac_reason()
    {
        var result = await Kubectl.RunAsync("get", "pods", "-n", "payments", "--context", "kubemate-sandbox-olivia");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pods is forbidden: User \"olivia\" cannot list resource \"pods\" in API group \"\" in the namespace \"payments\"", result.StdErr);
    }

    private async Task<string> ResourceVersion(string kind, string name) =>
        (await Kubectl.Ok("get", kind, name, "-o", "jsonpath={.metadata.resourceVersion}")).Trim();

    private static async Task<string> WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubemate-{Guid.NewGuid():n}.yaml");
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
