using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Application.Tests;

/// <summary>
/// Every object of every listable kind in some namespaces (and the Namespaces themselves), to prove an operation
/// changed nothing. Keeps uid and creation time, so a deleted-and-recreated object differs.
/// </summary>
internal static class ClusterSnapshot
{
    /// <summary>
    /// A snapshot once two in a row agree: controllers may still be settling after an earlier test's rollout
    /// (replica set statuses, endpoints), which must not count as a change made by the test that follows.
    /// </summary>
    public static async Task<string> TakeSettledAsync(ClusterApi api, params string[] namespaces)
    {
        string? previous = null;
        var settled = await Eventually.Until(async () =>
        {
            var now = await TakeAsync(api, namespaces);
            var same = now == previous;
            previous = now;
            return (Same: same, Snapshot: now);
        }, r => r.Same, $"the objects of {string.Join(", ", namespaces)} to settle");
        return settled.Snapshot;
    }

    /// <summary>
    /// Fails unless the objects match <paramref name="before"/> again, allowing for controllers that react to a
    /// rolled-back object (an Endpoints made for a Service that was then deleted) before they catch up.
    /// </summary>
    public static Task AssertBackToAsync(ClusterApi api, string before, params string[] namespaces) =>
        Eventually.Until(() => TakeAsync(api, namespaces), now => now == before, $"the objects of {string.Join(", ", namespaces)} to be as before");

    public static async Task<string> TakeAsync(ClusterApi api, params string[] namespaces)
    {
        var discovery = new ApiDiscovery(api);
        var all = new JsonArray();
        foreach (var ns in namespaces)
        {
            all.Add(Clean(await api.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{ns}", null, null, default)));
        }
        foreach (var group in await discovery.GroupsAsync())
        {
            foreach (var version in group.Versions.Take(1))
            {
                var apiVersion = group.Name.Length == 0 ? version : $"{group.Name}/{version}";
                foreach (var type in (await discovery.ResourcesAsync(apiVersion)).Where(t => t.Namespaced && t.Plural != "events").OrderBy(t => t.Plural, StringComparer.Ordinal))
                {
                    foreach (var ns in namespaces)
                    {
                        JsonObject list;
                        try
                        {
                            list = await api.SendAsync(HttpMethod.Get, type.CollectionPath(ns), null, null, default);
                        }
                        catch (ClusterApiException)
                        {
                            continue;
                        }
                        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>().OrderBy(i => (string?)i["metadata"]!["name"], StringComparer.Ordinal))
                        {
                            all.Add(Clean(item));
                        }
                    }
                }
            }
        }
        return all.ToJsonString();
    }

    // A forced restore rewrites resourceVersion and managedFields without changing the object; events come and go on their own.
    private static JsonObject Clean(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        var metadata = (JsonObject)copy["metadata"]!;
        metadata.Remove("resourceVersion");
        metadata.Remove("managedFields");
        return copy;
    }
}
