using System.Text.Json.Nodes;
using Kubemate.Cluster.Apply;

namespace Kubemate.Cluster.Tests;

/// <summary>The diff preview shows only what changes, without server-written fields.</summary>
public sealed class DiffBuilderTests
{
    [Fact]
    public void Only_changed_fields_appear_and_changed_lists_are_shown_whole()
    {
        var before = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","resourceVersion":"7","managedFields":[{"manager":"x"}]},
             "spec":{"type":"ClusterIP","ports":[{"port":80},{"port":443}]},"status":{"loadBalancer":{}}}
            """)!.AsObject();
        var after = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","resourceVersion":"8","labels":{"tier":"edge"}},
             "spec":{"type":"ClusterIP","ports":[{"port":80},{"port":8443}]}}
            """)!.AsObject();

        var diff = DiffBuilder.Build(before, after);

        Assert.Equal("spec:\n  ports:\n  - port: 80\n  - port: 443\n", diff.Before);
        Assert.Equal("metadata:\n  labels:\n    tier: edge\nspec:\n  ports:\n  - port: 80\n  - port: 8443\n", diff.After);
    }

    [Fact]
    public void Objects_that_differ_only_in_server_fields_have_an_empty_diff()
    {
        var before = JsonNode.Parse("""{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"1"},"data":{"k":"v"}}""")!.AsObject();
        var after = JsonNode.Parse("""{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"2","managedFields":[]},"data":{"k":"v"}}""")!.AsObject();

        Assert.True(DiffBuilder.Build(before, after).IsEmpty);
        Assert.True(DiffBuilder.SameManifest(before, after));
    }
}
