using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole.Access;
using Kubemate.Model.Drivers;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Onboarding;

/// <summary>
/// Reads the namespaces page as the user: one cluster-wide read when RBAC allows it, else namespace by namespace,
/// where a namespace whose pods the user may not list still gets a row (without counts) saying so.
/// </summary>
public static class NamespaceRowsReader
{
    public static async Task<IReadOnlyList<NamespaceRow>> ReadAsync(ClusterApi api, IMeshDriver driver, AccessReviewer access, CancellationToken cancellationToken)
    {
        var statuses = new List<(string Name, NamespaceMeshStatus? Status, string? Denied)>();
        try
        {
            statuses.AddRange((await MeshStatusReader.ReadAsync(api, driver, null, cancellationToken)).Select(s => (s.Name, (NamespaceMeshStatus?)s, (string?)null)));
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
            var names = await NamespaceNamesAsync(api, cancellationToken);
            var perNamespace = await Task.WhenAll(names.Select(name => ReadOneAsync(api, driver, name, cancellationToken)));
            statuses.AddRange(perNamespace);
        }
        var decisions = await Task.WhenAll(statuses.Select(s => access.CanSwitchInjectionAsync(s.Name, cancellationToken)));
        return statuses.Zip(decisions, (s, decision) => new NamespaceRow(s.Name, s.Status, s.Denied, decision))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<(string, NamespaceMeshStatus?, string?)> ReadOneAsync(ClusterApi api, IMeshDriver driver, string name, CancellationToken cancellationToken)
    {
        try
        {
            var status = await MeshStatusReader.ReadAsync(api, driver, name, cancellationToken);
            return (name, status.FirstOrDefault(), null);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
            return (name, null, error.Message);
        }
    }

    private static async Task<IReadOnlyList<string>> NamespaceNamesAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        var list = await api.SendAsync(HttpMethod.Get, "api/v1/namespaces", null, null, cancellationToken);
        return (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(item => (string?)item["metadata"]?["name"])
            .OfType<string>()
            .ToList();
    }
}
