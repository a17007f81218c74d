using Kubemate.Drivers.Tests.Support;
using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Resilience;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Tests;

/// <summary>Invalid models are refused with every problem and its field path; nothing is rendered.</summary>
public class InvalidModelTests
{
    [Fact]
    public void A_split_with_every_kind_of_mistake_lists_them_all_and_renders_nothing()
    {
        var split = SampleModels.Canary with
        {
            Name = "Payment_Canary",
            Port = 70000,
            Backends = [new() { Service = "payment-stable", Weight = -5 }, new() { Service = "payment-canary", Weight = 0 }],
            Matches = [new() { PathPrefix = "/beta" }, new() { PathPrefix = "/beta" }],
        };

        foreach (var driver in new[] { MeshDrivers.Linkerd, MeshDrivers.Istio })
        {
            var error = Assert.Throws<ModelValidationException>(() => driver.Render(split));

            var paths = error.Problems.Select(p => p.Path).ToList();
            Assert.Contains("name", paths);
            Assert.Contains("port", paths);
            Assert.Contains("backends[0].weight", paths);
            Assert.Contains("backends", paths);
            Assert.Contains("matches[1]", paths);
        }
    }

    [Fact]
    public void Istio_refuses_weights_that_do_not_total_one_hundred_while_linkerd_takes_them()
    {
        var split = SampleModels.Canary with { Backends = [new() { Service = "a", Weight = 90 }, new() { Service = "b", Weight = 30 }] };

        var problem = Assert.Single(Assert.Throws<ModelValidationException>(() => MeshDrivers.Istio.Render(split)).Problems);
        Assert.Equal("backends", problem.Path);
        Assert.Contains("total 100", problem.Reason, StringComparison.Ordinal);
        Assert.Single(MeshDrivers.Linkerd.Render(split));
    }

    [Fact]
    public void An_intent_with_bad_networks_and_names_lists_every_problem()
    {
        var intent = SampleModels.OrdersMayPay with
        {
            To = SampleModels.OrdersMayPay.To with { Port = 0 },
            From =
            [
                AccessSource.From(Peer.ForServiceAccount("Orders!", "orders")),
                AccessSource.FromNetworks(new NetworkBlock { Cidr = "10.20.0.0/33" }, new NetworkBlock { Cidr = "10.20.0.1/16" }, new NetworkBlock { Cidr = "10.0.0.0/8", Except = ["192.168.0.0/16"] }),
            ],
        };

        var problems = Assert.Throws<ModelValidationException>(() => MeshDrivers.Linkerd.Render(intent)).Problems;

        Assert.Equal(
            ["from[0].identities[0].name", "from[1].networks[0].cidr", "from[1].networks[1].cidr", "from[1].networks[2].except[0]", "to.port"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Retrying_post_without_opt_in_is_refused_and_allowed_once_asked_for()
    {
        var policy = SampleModels.IdempotentRetries with { Matches = [new() { Method = "POST", PathPrefix = "/api/pay" }] };

        var problem = Assert.Single(Assert.Throws<ModelValidationException>(() => MeshDrivers.Linkerd.Render(policy)).Problems);
        Assert.Equal("matches[0].method", problem.Path);

        var optedIn = policy with { Retry = policy.Retry! with { AllowNonIdempotent = true } };
        Assert.Single(MeshDrivers.Linkerd.Render(optedIn));
    }

    [Fact]
    public void A_mesh_refuses_features_it_lacks_by_field_path()
    {
        var policy = SampleModels.ServiceTimeouts;
        var paths = Assert.Throws<ModelValidationException>(() => MeshDrivers.Istio.Render(policy)).Problems.Select(p => p.Path).ToList();

        Assert.Contains("timeouts.response", paths);
        Assert.Contains("timeouts.idle", paths);
        Assert.Contains("to.protocol", Assert.Throws<ModelValidationException>(() => MeshDrivers.Istio.Render(SampleModels.LinkerdAdminPort)).Problems.Select(p => p.Path));
        Assert.Contains("opaquePorts", Assert.Throws<ModelValidationException>(() => MeshDrivers.Istio.Render(SampleModels.LinkerdPortSettings)).Problems.Select(p => p.Path));
    }

    [Fact]
    public void Rendering_several_models_prefixes_problems_with_the_model_index_and_renders_none()
    {
        IMeshModel[] models = [SampleModels.Canary, SampleModels.Canary with { Name = "second", Backends = [] }];

        var problem = Assert.Single(Assert.Throws<ModelValidationException>(() => MeshDrivers.Linkerd.Render(models)).Problems);

        Assert.Equal("[1].backends", problem.Path);
    }

    [Fact]
    public void Two_models_that_render_one_object_differently_are_a_conflict()
    {
        var first = SampleModels.OrdersMayPay with { To = SampleModels.OrdersMayPay.To with { Name = "payment-http" } };
        var second = SampleModels.AnyMeshedMayReadCatalog with { Namespace = "payment", To = first.To with { Port = 9090 } };

        var problem = Assert.Single(Assert.Throws<ModelValidationException>(() => MeshDrivers.Linkerd.Render([first, second])).Problems);

        Assert.Contains("Server.policy.linkerd.io/payment/payment-http", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_intents_that_share_a_server_render_it_once()
    {
        var first = SampleModels.OrdersMayPay with { To = SampleModels.OrdersMayPay.To with { Name = "payment-http" } };
        var second = first with { Name = "monitoring", Http = [], From = [AccessSource.From(Peer.ForNamespace("monitoring"))] };

        var rendered = MeshDrivers.Linkerd.Render([first, second]);

        Assert.Single(rendered, o => Kubemate.Model.Kube.KubeJson.Kind(o) == "Server");
        Assert.Equal(2, MeshDrivers.Linkerd.Read(rendered).Models.Count);
    }

    [Fact]
    public void A_grpc_policy_retrying_a_non_retryable_status_is_refused()
    {
        var policy = SampleModels.GrpcRetries with { Retry = new RetryPolicy { On = ["unavailable", "not-found"] } };

        var problem = Assert.Single(Assert.Throws<ModelValidationException>(() => MeshDrivers.Linkerd.Render(policy)).Problems);

        Assert.Equal("retry.on[1]", problem.Path);
    }
}
