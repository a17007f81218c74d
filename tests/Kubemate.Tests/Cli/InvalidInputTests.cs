namespace Kubemate.Tests.Cli;

/// <summary>Invalid input exits non-zero, writes nothing to standard output, and lists every problem by field path on standard error.</summary>
public class InvalidInputTests
{
    [Fact]
    public async Task An_unknown_family_is_named_with_the_families_there_are()
    {
        var result = await Cli.FailAsync("render", "canary", "--service", "orders");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("canary: is not a command of kubemate render (one of split, intent, route,", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_flag_value_is_listed_at_once_by_flag()
    {
        var result = await Cli.FailAsync("render", "split", "--service", "orders", "--port", "http", "--backend", "orders-v1", "--backend", "orders-v2=ten", "--mesh", "consul", "-o", "xml", "--colour");

        Assert.Contains("--port: 'http' is not a whole number", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--backend[0]: 'orders-v1' is not SERVICE=WEIGHT", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--backend[1]: 'ten' is not a whole number", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--mesh: 'consul' is not a mesh (one of istio, linkerd, linkerd:smi-v1alpha1, linkerd:smi-v1alpha2)", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--output: 'xml' is not one of yaml, json", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--colour: unknown flag", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("6 problems", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_flags_are_reported_even_without_a_value()
    {
        var result = await Cli.FailAsync("render", "split", "--port");

        Assert.Contains("--service: is required", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--port: needs a value", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--backend: is required", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_problems_of_a_family_name_the_flag_that_set_the_field()
    {
        var result = await Cli.FailAsync("render", "split", "--service", "Orders_Service", "--backend", "orders-v1=0");

        Assert.Contains("--service: 'Orders_Service' is not a valid DNS-1123 label", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--backend: all weights are zero", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--port: a Gateway API route to a Service needs the service port", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mesh_that_cannot_express_the_intent_says_why()
    {
        var result = await Cli.FailAsync("render", "intent", "--name", "web", "-n", "web", "--pods", "app=web", "--port", "http", "--from-namespace", "edge", "--mesh", "istio");

        Assert.Contains("--port", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intent_the_network_layer_cannot_express_fails_unless_only_the_mesh_layer_is_asked_for()
    {
        string[] args = ["render", "intent", "--name", "any", "-n", "payment", "--pods", "app=payment", "--port", "8080", "--from-any-meshed"];

        var both = await Cli.FailAsync(args);
        await Cli.SucceedAsync([.. args, "--layer", "mesh"]);

        Assert.Contains("--from-*[0].identities[0]: the NetworkPolicy layer cannot select meshed clients", both.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_model_file_is_listed_by_document_and_field()
    {
        using var directory = new TempDirectory();
        var model = directory.Write("model.yaml", """
            kind: TrafficSplit
            spec:
              name: orders
              namespace: orders
              service: orders
              port: 8080
              backends:
              - service: orders-v1
                weight: -5
            ---
            kind: EdgeRoute
            spec:
              metadata:
                name: shop
              routes:
              - match:
                  hosts: [shop.bank.example]
                services:
                - name: web
                  port: 80
                  wieght: 1
            ---
            kind: EdgeMiddleware
            spec:
              metadata:
                name: limit
              spec:
                type: rateLimit
                average: 0
            ---
            kind: Canary
            spec: {}
            """);

        var result = await Cli.FailAsync("render", "-f", model);

        Assert.Contains($"{model}[0].spec.backends[0].weight: weight -5 is negative", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{model}[1].spec.routes[0].services[0].wieght: unknown field", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{model}[2].spec.spec.average: 0 must be positive", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{model}[3].kind: 'Canary' is not a model kind", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_that_resolve_nowhere_are_problems_until_declared_to_exist()
    {
        using var directory = new TempDirectory();
        const string route = """
            kind: EdgeRoute
            spec:
              metadata:
                name: shop
                namespace: web
              routes:
              - match:
                  hosts: [shop.bank.example]
                services:
                - name: web
                  port: 80
                middlewares:
                - name: security-headers
            """;
        var unresolved = directory.Write("unresolved.yaml", route);
        var declared = directory.Write("declared.yaml", route + "\n---\nkind: EdgeSettings\nspec:\n  existingMiddlewares: [web/security-headers]\n");

        var failed = await Cli.FailAsync("render", "-f", unresolved);
        await Cli.SucceedAsync("render", "-f", declared);

        Assert.Contains($"{unresolved}[0].spec.routes[0].middlewares[0]: middleware web/security-headers is not in the set", failed.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_objects_given_to_render_point_to_import()
    {
        using var directory = new TempDirectory();
        var objects = directory.Write("objects.yaml", Manifests.FixtureText("smi/linkerd-smi/traffic-split-leaf-weights.yaml"));

        var result = await Cli.FailAsync("render", "-f", objects);

        Assert.Contains($"{objects}[0]: is a Kubernetes object (split.smi-spec.io/v1alpha1 TrafficSplit), not a model document: turn it into a model with kubemate import", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_yaml_and_missing_files_are_reported_by_file()
    {
        using var directory = new TempDirectory();
        var broken = directory.Write("broken.yaml", "kind: [unclosed\n");

        var render = await Cli.FailAsync("render", "-f", broken, "-f", directory.File("missing.yaml"));
        var import = await Cli.FailAsync("import", "-f", broken);

        Assert.Contains($"{broken}: invalid YAML at line", render.StdErr, StringComparison.Ordinal);
        Assert.Contains("-f: cannot read", render.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{broken}: invalid YAML at line", import.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_needs_objects_with_apiVersion_and_kind()
    {
        using var directory = new TempDirectory();
        var objects = directory.Write("objects.yaml", "metadata:\n  name: nameless\n");

        var result = await Cli.FailAsync("import", "-f", objects);
        var badMesh = await Cli.FailAsync("import", "-f", objects, "--mesh", "kuma");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{objects}[0].apiVersion: is required", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{objects}[0].kind: is required", result.StdErr, StringComparison.Ordinal);
        // A bad flag is bad usage, reported before any file is read.
        Assert.Equal(2, badMesh.ExitCode);
        Assert.Contains("--mesh: 'kuma' is not a mesh", badMesh.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_refuses_a_file_without_objects_and_objects_given_twice()
    {
        using var directory = new TempDirectory();
        var empty = directory.Write("empty.yaml", "# nothing here\n");
        var fixture = directory.Write("split.yaml", Manifests.FixtureText("smi/linkerd-smi/traffic-split-leaf-weights.yaml"));

        var none = await Cli.FailAsync("import", "-f", empty);
        var twice = await Cli.FailAsync("import", "-f", fixture, "-f", fixture);

        Assert.Contains("-f: holds no Kubernetes objects", none.StdErr, StringComparison.Ordinal);
        Assert.Contains("-f: TrafficSplit.split.smi-spec.io/backend-traffic-split is given 2 times", twice.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_middleware_does_one_thing()
    {
        var result = await Cli.FailAsync("render", "middleware", "--name", "mixed", "--rate-limit", "10", "--strip-prefix", "/api");

        Assert.Contains("a middleware does one thing; given: --rate-limit, --strip-prefix", result.StdErr, StringComparison.Ordinal);
    }
}
