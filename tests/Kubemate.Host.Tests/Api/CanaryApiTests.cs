using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// The canary endpoints on the demo sandbox, as the demo users: olivia runs releases in <c>orders</c> and nowhere
/// else, audrey reads them and changes nothing, bad input is a 400 naming the field, a refused action a 409.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CanaryApiTests(HostFixture host) : IAsyncLifetime
{
    private const string Canaries = "/api/v1/namespaces/orders/canaries";

    public async Task InitializeAsync()
    {
        using var admin = host.Admin();
        await CanaryEstate.PrepareAsync(admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Olivia_previews_applies_and_runs_a_release_in_orders()
    {
        using var admin = host.Admin();
        using var olivia = await host.SignInAsync("olivia");

        var proposal = await olivia.GetJsonAsync("/api/v1/namespaces/orders/services/orders/canary-proposal");
        Assert.Equal("orders-v1", (string?)proposal["stable"]);
        Assert.Equal("orders-v2", (string?)proposal["canary"]);

        var preview = await olivia.PostJsonAsync($"{Canaries}/preview", CanaryEstate.ManualRequest("checkout", 5));
        var dryRun = preview["objects"]!.AsArray().Single()!;
        Assert.Equal("DryRunOk", (string?)dryRun["status"]);
        Assert.Contains("orders-v2", (string?)dryRun["diff"]!["after"]);
        Assert.NotEmpty(preview["traffic"]!.AsArray());
        Assert.Null(await CanaryEstate.ReadAsync(admin, "orders", "checkout"));

        var applied = await olivia.PostJsonAsync($"{Canaries}/apply", new JsonObject { ["previewId"] = (string)preview["previewId"]! });
        Assert.True((bool)applied["succeeded"]!);
        Assert.NotNull(await CanaryEstate.ReadAsync(admin, "orders", "checkout"));

        var listed = await olivia.GetJsonAsync("/api/v1/canaries?namespace=orders");
        var summary = listed.AsArray().Single(r => (string?)r!["name"] == "checkout")!;
        Assert.Equal("manual", (string?)summary["mode"]);
        var detail = await olivia.GetJsonAsync($"{Canaries}/checkout?window=5m");
        Assert.Equal("5m", (string?)detail["window"]);
        Assert.Equal(5, (int?)detail["spec"]!["weight"]);

        using var weight = await olivia.Http.SendAsync(Put($"{Canaries}/checkout/weight", new JsonObject { ["weight"] = 20 }, olivia.CsrfToken));
        var moved = await Json.ReadAsync(weight, HttpStatusCode.OK);
        Assert.NotEqual("Failed", (string?)moved["state"]);
        Assert.Equal(20, (int?)(await CanaryEstate.ReadAsync(admin, "orders", "checkout"))!["spec"]!["weight"]);

        var paused = await olivia.PostJsonAsync($"{Canaries}/checkout/actions", new JsonObject { ["action"] = "pause" });
        Assert.Equal("pause", (string?)paused["action"]);
        Assert.NotEqual("Failed", (string?)paused["state"]);
        var annotations = (await CanaryEstate.ReadAsync(admin, "orders", "checkout"))!["metadata"]!["annotations"]!;
        Assert.Contains("\"verb\":\"pause\"", (string?)annotations["kubemate.io/action"], StringComparison.Ordinal);

        using var alice = host.Bearer("alice");
        var records = await alice.GetJsonAsync("/api/v1/audit?user=olivia&namespace=orders&kind=CanaryRelease&name=checkout&limit=20");
        Assert.True(records.AsArray().Count(r => (string?)r!["operation"] == "apply" && (bool?)r["dryRun"] == false) >= 3,
            $"the apply, the weight and the action are audited: {records.ToJsonString()}");
    }

    [Fact]
    public async Task Olivia_is_refused_in_payments_and_nothing_is_written()
    {
        using var admin = host.Admin();
        using var olivia = await host.SignInAsync("olivia");
        var request = CanaryEstate.ManualRequest("elsewhere");
        using var preview = await olivia.PostAsync("/api/v1/namespaces/payments/canaries/preview", request);
        var problem = await Json.ProblemAsync(preview, HttpStatusCode.Forbidden);
        Assert.Contains("\"olivia\"", (string?)problem["detail"], StringComparison.Ordinal);
        using var list = await olivia.GetAsync("/api/v1/canaries?namespace=payments");
        await Json.ProblemAsync(list, HttpStatusCode.Forbidden);
        Assert.Null(await CanaryEstate.ReadAsync(admin, "payments", "elsewhere"));
    }

    [Fact]
    public async Task Audrey_reads_releases_and_every_change_she_asks_for_is_refused_without_effect()
    {
        using var admin = host.Admin();
        using var olivia = await host.SignInAsync("olivia");
        var preview = await olivia.PostJsonAsync($"{Canaries}/preview", CanaryEstate.ManualRequest("audited"));
        await olivia.PostJsonAsync($"{Canaries}/apply", new JsonObject { ["previewId"] = (string)preview["previewId"]! });
        var before = await CanaryEstate.WrittenAsync(admin, "orders", "audited");

        using var audrey = await host.SignInAsync("audrey");
        Assert.Contains((await audrey.GetJsonAsync("/api/v1/canaries")).AsArray(), r => (string?)r!["name"] == "audited");
        Assert.Equal("orders-v2", (string?)(await audrey.GetJsonAsync($"{Canaries}/audited"))["spec"]!["canary"]);

        using var ownPreview = await audrey.PostAsync($"{Canaries}/preview", CanaryEstate.ManualRequest("audited", 50));
        await Json.ProblemAsync(ownPreview, HttpStatusCode.Forbidden, "release");
        foreach (var action in new[] { "pause", "rollback", "promote" })
        {
            using var refused = await audrey.PostAsync($"{Canaries}/audited/actions", new JsonObject { ["action"] = action });
            await Json.ProblemAsync(refused, HttpStatusCode.Forbidden, "release");
        }
        using var weight = await audrey.Http.SendAsync(Put($"{Canaries}/audited/weight", new JsonObject { ["weight"] = 50 }, audrey.CsrfToken));
        await Json.ProblemAsync(weight, HttpStatusCode.Forbidden, "release");
        Assert.Equal(before, await CanaryEstate.WrittenAsync(admin, "orders", "audited"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing()
    {
        using var admin = host.Admin();
        using var alice = host.Bearer("alice");
        var sameBackends = CanaryEstate.ManualRequest("bad-input");
        sameBackends["spec"]!["canary"] = "orders-v1";
        foreach (var (path, body, field) in new (string, JsonObject, string)[]
        {
            ($"{Canaries}/preview", sameBackends, "spec.canary"),
            ($"{Canaries}/preview", new JsonObject { ["name"] = "bad-input", ["spec"] = new JsonObject { ["stable"] = "a", ["canary"] = "b", ["mode"] = "manual" } }, "spec.service"),
            ($"{Canaries}/preview", new JsonObject { ["name"] = "Bad_Name", ["spec"] = CanaryEstate.ManualRequest("x")["spec"]!.DeepClone() }, "name"),
            ($"{Canaries}/export", new JsonObject { ["name"] = "bad-input", ["spec"] = CanaryEstate.ManualRequest("x", 150)["spec"]!.DeepClone() }, "spec.weight"),
            ($"{Canaries}/apply", new JsonObject { ["previewId"] = "x", ["dryRun"] = true }, "dryRun"),
            ($"{Canaries}/bad-input/actions", new JsonObject { ["action"] = "explode" }, "action"),
        })
        {
            using var response = await alice.PostAsync(path, body);
            await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        }
        using var badWindow = await alice.GetAsync($"{Canaries}/bad-input?window=2m");
        await Json.ProblemAsync(badWindow, HttpStatusCode.BadRequest, "window");
        using var missing = await alice.GetAsync($"{Canaries}/no-such-release");
        await Json.ProblemAsync(missing, HttpStatusCode.NotFound, "name");
        using var unknownPreview = await alice.PostAsync($"{Canaries}/apply", new JsonObject { ["previewId"] = "0123" });
        await Json.ProblemAsync(unknownPreview, HttpStatusCode.NotFound, "previewId");
        Assert.Null(await CanaryEstate.ReadAsync(admin, "orders", "bad-input"));
    }

    [Fact]
    public async Task An_action_that_does_not_apply_is_a_409_with_the_reason_and_nothing_is_written()
    {
        using var admin = host.Admin();
        using var alice = host.Bearer("alice");
        var preview = await alice.PostJsonAsync($"{Canaries}/preview", CanaryEstate.ManualRequest("refusing"));
        await alice.PostJsonAsync($"{Canaries}/apply", new JsonObject { ["previewId"] = (string)preview["previewId"]! });
        var before = await CanaryEstate.WrittenAsync(admin, "orders", "refusing");

        using var approve = await alice.PostAsync($"{Canaries}/refusing/actions", new JsonObject { ["action"] = "approve" });
        var problem = await Json.ProblemAsync(approve, HttpStatusCode.Conflict);
        Assert.Equal("approve", (string?)problem["action"]);
        Assert.Contains("approval", (string?)problem["reason"], StringComparison.Ordinal);
        Assert.Equal(before, await CanaryEstate.WrittenAsync(admin, "orders", "refusing"));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_canary_operations()
    {
        using var anonymous = ApiClient.Anonymous(host.Url);
        var paths = (await anonymous.GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject();
        Assert.NotNull(paths["/api/v1/canaries"]?["get"]);
        Assert.NotNull(paths["/api/v1/namespaces/{ns}/canaries/{name}"]?["get"]);
        Assert.NotNull(paths["/api/v1/namespaces/{ns}/services/{service}/canary-proposal"]?["get"]);
        foreach (var post in new[] { "preview", "apply", "export", "{name}/actions" })
        {
            Assert.NotNull(paths[$"/api/v1/namespaces/{{ns}}/canaries/{post}"]?["post"]);
        }
        Assert.NotNull(paths["/api/v1/namespaces/{ns}/canaries/{name}/weight"]?["put"]);
    }

    private static HttpRequestMessage Put(string path, JsonObject body, string? csrf)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }
        return request;
    }
}
