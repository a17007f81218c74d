using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;
using Kubemate.Application.Changes;
using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Tests;

/// <summary>The records the host sends and receives survive System.Text.Json with web defaults and string enums.</summary>
public sealed class JsonShapeTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_preview_round_trips_with_its_resource_versions()
    {
        var created = new ObjectRef("v1", "ConfigMap", "orders", "new");
        var updated = new ObjectRef("v1", "ConfigMap", "orders", "limits");
        var changeSet = ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", "new", ("k", "v")), TestManifests.ConfigMap("orders", "limits", ("rps", "5"))]);
        var dryRun = new ChangeSetResult([
            new ObjectResult(created, ObjectOperation.Create, ObjectStatus.DryRunOk, new ObjectDiff("", "k: v\n")),
            new ObjectResult(updated, ObjectOperation.Update, ObjectStatus.DryRunOk, new ObjectDiff("rps: 1\n", "rps: 5\n")) { ResourceVersion = "42" },
        ]);
        var preview = new ChangePreview(changeSet, dryRun, new Dictionary<ObjectRef, string?> { [created] = null, [updated] = "42" });

        var json = JsonSerializer.Serialize(preview, Web);
        var back = JsonSerializer.Deserialize<ChangePreview>(json, Web)!;

        Assert.Contains("\"resourceVersions\":[{\"object\":{\"apiVersion\":\"v1\"", json);
        Assert.Contains("\"status\":\"DryRunOk\"", json);
        Assert.Equal(preview.ResourceVersions, back.ResourceVersions);
        Assert.Equal("5", (string?)back.ChangeSet.Changes[1].Object["data"]!["rps"]);
        Assert.Equal(dryRun.Objects[1], back.DryRun.Objects[1] with { Conflicts = dryRun.Objects[1].Conflicts });
    }

    [Fact]
    public void Events_and_plans_serialise_with_string_types_and_camel_case()
    {
        var failed = new OnboardingEvent(7, DateTimeOffset.UnixEpoch, OnboardingEventType.Failed, null, null, 0, 0, "forbidden") { StatusCode = HttpStatusCode.Forbidden };
        var plan = new OnboardingPlan("orders", true, new ObjectDiff("", "a: b\n"), [new PlannedRestart("Deployment", "orders", 2, 0)],
            [new SkippedWorkload("Deployment", "legacy", SkipReasons.InjectDisabled) { Detail = "opts out" }]);

        var eventJson = JsonSerializer.Serialize(failed, Web);
        var planJson = JsonSerializer.Serialize(plan, Web);

        Assert.Contains("\"type\":\"Failed\"", eventJson);
        Assert.Contains("\"sequence\":7", eventJson);
        Assert.Contains("\"statusCode\":403", eventJson);
        Assert.Contains("\"reason\":\"inject-disabled\",\"detail\":\"opts out\"", planJson);
        Assert.Equal(failed, JsonSerializer.Deserialize<OnboardingEvent>(eventJson, Web));
    }
}
