using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Host.Tests.Support;

/// <summary>
/// Every object of the kinds a change set can touch, cluster-wide, reduced to what a user writes (labels,
/// annotations, spec, data): two snapshots are equal when nothing a change set could do has happened.
/// </summary>
public static class ClusterSnapshot
{
    private static readonly string[] Lists =
    [
        "api/v1/namespaces", "api/v1/configmaps", "api/v1/services", "api/v1/serviceaccounts", "apis/apps/v1/deployments",
        "apis/rbac.authorization.k8s.io/v1/rolebindings",
    ];

    /// <summary>
    /// A snapshot once two reads a moment apart agree: the sandbox's controllers may still be annotating what the demo
    /// estate seeded (a Deployment's revision), which no request of the test did.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(ClusterApi admin)
    {
        var previous = await ReadAsync(admin);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(200);
            var now = await ReadAsync(admin);
            if (now.SequenceEqual(previous))
            {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(ClusterApi admin)
    {
        var objects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in Lists)
        {
            var answer = await admin.SendAsync(HttpMethod.Get, list, null, null, default);
            foreach (var item in (answer["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var metadata = item["metadata"]!;
                var key = $"{list} {(string?)metadata["namespace"]}/{(string?)metadata["name"]}";
                objects[key] = new JsonObject
                {
                    ["labels"] = metadata["labels"]?.DeepClone(),
                    ["annotations"] = metadata["annotations"]?.DeepClone(),
                    ["spec"] = item["spec"]?.DeepClone(),
                    ["data"] = item["data"]?.DeepClone(),
                    ["subjects"] = item["subjects"]?.DeepClone(),
                }.ToJsonString();
            }
        }
        return objects;
    }

    public static void AssertSame(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (key, value) in before)
        {
            Assert.True(value == after[key], $"{key} changed:\n{value}\n{after[key]}");
        }
    }
}
