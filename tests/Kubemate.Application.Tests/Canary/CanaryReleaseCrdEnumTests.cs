using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Resource;

namespace Kubemate.Application.Tests.Canary;

/// <summary>The CRD's enums list exactly the values the records write, so neither can drift from the other.</summary>
public sealed class CanaryReleaseCrdEnumTests
{
    private static readonly JsonNode Schema = CanaryReleaseCrd.Definition()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!;

    [Fact]
    public void Every_enum_of_the_crd_matches_its_record()
    {
        AssertEnum<ReleaseMode>(Schema["spec"]!["properties"]!["mode"]!);
        AssertEnum<WebhookType>(Schema["spec"]!["properties"]!["webhooks"]!["items"]!["properties"]!["type"]!);
        AssertEnum<ReleasePhase>(Schema["status"]!["properties"]!["phase"]!);
        AssertEnum<ReleasePhase>(Schema["status"]!["properties"]!["conditions"]!["items"]!["properties"]!["type"]!);
        AssertEnum<ConditionStatus>(Schema["status"]!["properties"]!["conditions"]!["items"]!["properties"]!["status"]!);
        AssertEnum<Verdict>(Schema["status"]!["properties"]!["history"]!["items"]!["properties"]!["verdict"]!);
    }

    [Fact]
    public void The_history_the_crd_keeps_is_as_long_as_the_status_keeps()
    {
        Assert.Equal(CanaryReleaseStatus.HistoryLimit, Schema["status"]!["properties"]!["history"]!["maxItems"]!.GetValue<long>());
    }

    private static void AssertEnum<T>(JsonNode property) where T : struct, Enum
    {
        var written = Enum.GetValues<T>().Select(v => JsonSerializer.SerializeToNode(v, CanaryJson.Options)!.GetValue<string>());
        Assert.Equal(written, property["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
