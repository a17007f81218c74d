using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// <c>limit</c>/<c>continue</c> paging. The continue token names the last key returned; the next page lists the
/// current state after that key (the apiserver serves it from the original revision; the sandbox documents this).
/// </summary>
public static class Paging
{
    public sealed record Page(IReadOnlyList<StoredObject> Items, string? Continue, long Remaining);

    public static Page Take(IEnumerable<StoredObject> items, IQueryCollection query, long revision)
    {
        var limitText = query["limit"].FirstOrDefault();
        var continueText = query["continue"].FirstOrDefault();
        var limit = 0L;
        if (!string.IsNullOrEmpty(limitText) && (!long.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit < 0))
        {
            throw ApiError.BadRequest($"invalid limit \"{limitText}\"");
        }
        if (!string.IsNullOrEmpty(continueText))
        {
            var (ns, name) = Decode(continueText);
            items = items.Where(s => Compare(s.Key, ns, name) > 0);
        }
        if (limit <= 0)
        {
            return new Page(items.ToList(), null, 0);
        }
        var all = items.ToList();
        if (all.Count <= limit)
        {
            return new Page(all, null, 0);
        }
        var page = all.Take((int)limit).ToList();
        var last = page[^1].Key;
        return new Page(page, Encode(revision, last), all.Count - page.Count);
    }

    private static int Compare(ObjectKey key, string ns, string name)
    {
        var byNamespace = string.CompareOrdinal(key.Namespace, ns);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(key.Name, name);
    }

    private static string Encode(long revision, ObjectKey last)
    {
        var token = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = revision, ["ns"] = last.Namespace, ["name"] = last.Name };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(token.ToJsonString()));
    }

    private static (string Namespace, string Name) Decode(string token)
    {
        try
        {
            var parsed = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))!;
            return (parsed["ns"]!.GetValue<string>(), parsed["name"]!.GetValue<string>());
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw ApiError.BadRequest("continue key is not valid: " + ex.Message);
        }
    }
}
