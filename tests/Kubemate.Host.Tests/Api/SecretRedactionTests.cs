using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Apply;
using Kubemate.Host.Tests.Support;
using static Kubemate.Host.Tests.Support.ChangeSets;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// A Secret's values, and inline credentials, never leave the cluster through Kubemate: not in a preview, an apply
/// result, an audit record, an audit export, a GitOps export or a log line. The records still say which key changed.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SecretRedactionTests(HostFixture host)
{
    private const string First = "S3cr3t";
    private const string Second = "N3wS3cr3t";
    private const string Username = "db-admin";

    private static readonly string[] Values = [First, Second, Username, Base64(First), Base64(Second), Base64(Username)];

    [Fact]
    public async Task A_secret_change_shows_which_keys_changed_and_no_value_in_previews_results_records_and_exports()
    {
        var name = $"db-{Guid.NewGuid():n}"[..12];
        using var alice = await host.SignInAsync("alice");
        using var audrey = host.Bearer("audrey");

        var preview = await Body(await alice.PostAsync("/api/v1/changesets/preview", Objects(Secret(name, First))), HttpStatusCode.OK);
        AssertNoValue(preview);
        Assert.Contains(Lines(preview, "after"), l => l.Trim() == $"password: {SensitiveValues.Added}");
        AssertNoValue(await Body(await alice.PostAsync("/api/v1/changesets/apply", Objects(Secret(name, First))), HttpStatusCode.OK));

        var update = await Body(await alice.PostAsync("/api/v1/changesets/apply", Objects(Secret(name, Second))), HttpStatusCode.OK);
        AssertNoValue(update);
        Assert.Contains(Lines(update, "before"), l => l.Trim() == $"password: {SensitiveValues.Redacted}");
        Assert.Contains(Lines(update, "after"), l => l.Trim() == $"password: {SensitiveValues.Changed}");
        Assert.DoesNotContain("username", update, StringComparison.Ordinal);

        var same = await Body(await alice.PostAsync("/api/v1/changesets/apply", Objects(Secret(name, Second))), HttpStatusCode.OK);
        Assert.Equal("Unchanged", (string?)JsonNode.Parse(same)!["objects"]![0]!["status"]);

        var exported = await Body(await alice.PostAsync("/api/v1/changesets/apply", new JsonObject
        {
            ["objects"] = new JsonArray(Secret(name, Second)),
            ["gitops"] = true,
        }), HttpStatusCode.BadRequest);
        AssertNoValue(exported);
        var errors = JsonNode.Parse(exported)!["errors"]!.AsObject();
        Assert.Contains("SealedSecret", (string?)errors["objects[0].stringData"]![0], StringComparison.Ordinal);

        var records = await Body(await audrey.GetAsync($"/api/v1/audit?kind=Secret&name={name}"), HttpStatusCode.OK);
        AssertNoValue(records);
        var applied = JsonNode.Parse(records)!.AsArray().Where(r => !(bool)r!["dryRun"]!).Reverse().ToList();
        Assert.Equal(["create", "update", "unchanged"], applied.Select(r => (string?)r!["objects"]![0]!["action"]));
        Assert.Contains(((string?)applied[0]!["diff"])!.Split('\n'), l => l.StartsWith('+') && l[1..].Trim() == $"password: {SensitiveValues.Added}");
        var changed = ((string?)applied[1]!["diff"])!.Split('\n');
        Assert.Contains(changed, l => l.StartsWith('-') && l[1..].Trim() == $"password: {SensitiveValues.Redacted}");
        Assert.Contains(changed, l => l.StartsWith('+') && l[1..].Trim() == $"password: {SensitiveValues.Changed}");
        Assert.DoesNotContain(changed, line => line.Contains("username", StringComparison.Ordinal));
        Assert.Equal("", (string?)applied[2]!["diff"]);
        AssertNoValue(await Body(await audrey.GetAsync($"/api/v1/audit/export?kind=Secret&name={name}"), HttpStatusCode.OK));
    }

    [Fact]
    public async Task Inline_basic_auth_users_of_a_traefik_middleware_are_redacted_and_not_exported()
    {
        var name = $"auth-{Guid.NewGuid():n}"[..12];
        const string hash = "$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj";
        using var alice = await host.SignInAsync("alice");
        using var audrey = host.Bearer("audrey");
        var middleware = new JsonObject
        {
            ["apiVersion"] = "traefik.io/v1alpha1",
            ["kind"] = "Middleware",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["basicAuth"] = new JsonObject { ["users"] = new JsonArray($"ops:{hash}") } },
        };

        var preview = await alice.PostAsync("/api/v1/changesets/preview", Objects((JsonObject)middleware.DeepClone()));
        Assert.DoesNotContain(hash, await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exported = await Body(await alice.PostAsync("/api/v1/changesets/apply", new JsonObject
        {
            ["objects"] = new JsonArray(middleware.DeepClone()),
            ["gitops"] = true,
        }), HttpStatusCode.BadRequest);
        Assert.DoesNotContain(hash, exported, StringComparison.Ordinal);
        Assert.Contains("spec.basicAuth.secret", (string?)JsonNode.Parse(exported)!["errors"]!["objects[0].spec.basicAuth.users"]![0], StringComparison.Ordinal);

        var records = await Body(await audrey.GetAsync($"/api/v1/audit?kind=Middleware&name={name}"), HttpStatusCode.OK);
        Assert.NotEmpty(JsonNode.Parse(records)!.AsArray());
        Assert.DoesNotContain(hash, records, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_value_reaches_the_log()
    {
        var captured = new CapturedLog();
        await using var logged = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with { VerboseLogging = true }, captured);
        using var alice = await ApiClient.SignInAsync(logged.Url, "alice", "alice-demo");
        var name = $"log-{Guid.NewGuid():n}"[..12];

        (await alice.PostAsync("/api/v1/changesets/preview", Objects(Secret(name, First)))).Dispose();
        (await alice.PostAsync("/api/v1/changesets/apply", Objects(Secret(name, First)))).Dispose();
        (await alice.PostAsync("/api/v1/changesets/apply", Objects(Secret(name, Second)))).Dispose();
        (await alice.PostAsync("/api/v1/changesets/apply", new JsonObject { ["objects"] = new JsonArray(Secret(name, Second)), ["gitops"] = true })).Dispose();
        // A refused Secret: the cluster's reason must not carry the value into a log line either.
        var broken = Secret(name, First);
        broken["stringData"]!["password"] = new JsonArray(First);
        (await alice.PostAsync("/api/v1/changesets/apply", Objects(broken))).Dispose();

        Assert.NotEmpty(captured.Lines);
        Assert.All(captured.Lines, line => Assert.DoesNotContain(Values, v => line.Contains(v, StringComparison.Ordinal)));
    }

    private static JsonObject Secret(string name, string password) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["type"] = "Opaque",
        ["stringData"] = new JsonObject { ["username"] = Username, ["password"] = password },
    };

    /// <summary>The lines of the first object's diff side ("before" or "after") in a preview or apply answer.</summary>
    private static string[] Lines(string body, string side) =>
        ((string?)JsonNode.Parse(body)!["objects"]![0]!["diff"]![side])!.Split('\n');

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static async Task<string> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return text;
        }
    }

    private static void AssertNoValue(string body)
    {
        foreach (var value in Values)
        {
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
        }
    }
}
