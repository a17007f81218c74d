using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model.Access;
using Kubemate.Model.Preservation;
using Kubemate.Model.References;
using Kubemate.Model.Serialization;
using Kubemate.Model.Traffic;

namespace Kubemate.Model.Tests;

public class ModelJsonTests
{
    [Fact]
    public void A_model_is_stored_as_kind_and_camel_case_spec_and_reads_back_equal()
    {
        var intent = new AccessIntent
        {
            Name = "orders-to-payment",
            Namespace = "payment",
            To = new AccessTarget { Pods = LabelSelector.Labels(("app", "payment")), Port = PortRef.Named("http"), Protocol = AppProtocol.Http1 },
            From = [AccessSource.From(Peer.ForServiceAccount("orders", "orders")), AccessSource.FromNetworks(new NetworkBlock { Cidr = "10.0.0.0/8" })],
            Preserved = new PreservedData(new JsonObject { ["linkerd"] = new JsonObject { ["hints"] = new JsonObject { ["httpRoute"] = "pay" } } }),
        };

        var document = ModelJson.ToDocument(intent);

        Assert.Equal("AccessIntent", document["kind"]!.GetValue<string>());
        Assert.Equal("http1", document["spec"]!["to"]!["protocol"]!.GetValue<string>());
        Assert.Equal("http", document["spec"]!["to"]!["port"]!.GetValue<string>());
        Assert.Equal("serviceAccount", document["spec"]!["from"]![0]!["identities"]![0]!["kind"]!.GetValue<string>());
        Assert.Null(document["spec"]!["http"]);
        Assert.Null(document["spec"]!["from"]![0]!["unauthenticated"]);
        Assert.Equal(intent, ModelJson.FromDocument(JsonNode.Parse(document.ToJsonString())!.AsObject()));
    }

    [Fact]
    public void A_zero_weight_is_kept_while_empty_lists_are_left_out()
    {
        var split = new TrafficSplit { Name = "s", Service = "a", Backends = [new() { Service = "a", Weight = 100 }, new() { Service = "b", Weight = 0 }] };

        var spec = ModelJson.ToDocument(split)["spec"]!.AsObject();

        Assert.Equal(0, spec["backends"]![1]!["weight"]!.GetValue<int>());
        Assert.False(spec.ContainsKey("matches"));
        Assert.Equal(split, ModelJson.FromDocument(ModelJson.ToDocument(split)));
    }

    [Fact]
    public void An_unknown_field_in_a_stored_model_is_an_error_naming_it()
    {
        var document = JsonNode.Parse("""{"kind":"TrafficSplit","spec":{"name":"s","service":"a","backends":[{"service":"a","weight":1,"wieght":2}]}}""")!.AsObject();

        var error = Assert.Throws<JsonException>(() => ModelJson.FromDocument(document));

        Assert.Contains("wieght", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_and_an_unknown_kind_are_errors()
    {
        Assert.Throws<JsonException>(() => ModelJson.FromDocument(JsonNode.Parse("""{"kind":"TrafficSplit","spec":{"name":"s","backends":[]}}""")!.AsObject()));
        var error = Assert.Throws<JsonException>(() => ModelJson.FromDocument(JsonNode.Parse("""{"kind":"VirtualService","spec":{}}""")!.AsObject()));
        Assert.Contains("TrafficSplit", error.Message, StringComparison.Ordinal);
    }
}
