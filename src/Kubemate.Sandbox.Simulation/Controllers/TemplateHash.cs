using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// The pod-template hash of Deployments, StatefulSets and DaemonSets: a 32-bit FNV-1a hash of the template,
/// written as its decimal digits mapped onto Kubernetes' "safe" alphabet (no vowels, no look-alikes), so names
/// look like <c>frontend-5d8f9c7b46</c>. The hash covers a canonical form (sorted keys, null fields left out, as the
/// apiserver drops them when it decodes a typed object), so equal templates match.
/// </summary>
public static class TemplateHash
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Of(JsonNode? template, long collisionCount = 0)
    {
        var canonical = Canonical(template)?.ToJsonString() ?? "null";
        var hash = Fnv1a(Encoding.UTF8.GetBytes(canonical));
        if (collisionCount > 0)
        {
            hash = Fnv1a(Encoding.UTF8.GetBytes(collisionCount.ToString(CultureInfo.InvariantCulture)), hash);
        }
        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    private static uint Fnv1a(byte[] bytes, uint hash = 2166136261)
    {
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }

    private static string SafeEncode(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = SafeAlphabet[text[i] % SafeAlphabet.Length];
        }
        return new string(chars);
    }

    /// <summary>Templates equal as the apiserver sees them: same fields, in any order, null fields ignored.</summary>
    public static bool Equivalent(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(Canonical(left), Canonical(right));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };
}
