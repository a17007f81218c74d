using System.Text.Json.Nodes;
using Kubemate.Model.Access;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>How one source of an intent was written, when not in the canonical shape.</summary>
internal sealed record SourceHints
{
    /// <summary>A deprecated policy.linkerd.io/v1beta1 ServerAuthorization instead of AuthorizationPolicy + authentications.</summary>
    public bool Legacy { get; init; }

    /// <summary>An AuthorizationPolicy that names the ServiceAccount directly, without a MeshTLSAuthentication.</summary>
    public bool Direct { get; init; }

    /// <summary>Identity strings instead of references (or the reverse), when that differs from the canonical choice.</summary>
    public bool? IdentityStrings { get; init; }

    public string? TrustDomain { get; init; }

    public string? AuthorizationName { get; init; }

    public string? MeshTlsName { get; init; }

    public string? NetworkName { get; init; }

    /// <summary>Canonical: identity strings only when a peer cannot be a reference (any meshed client; a namespace in a ServerAuthorization).</summary>
    public static bool CanonicalIdentityStrings(AccessSource source, bool legacy) =>
        source.Identities.Any(p => p.Kind == PeerKind.AnyMeshed || (legacy && p.Kind == PeerKind.Namespace));

    public bool UsesIdentityStrings(AccessSource source) => IdentityStrings ?? CanonicalIdentityStrings(source, Legacy);

    public JsonObject? ToJson()
    {
        var json = new JsonObject();
        if (Legacy)
        {
            json["form"] = "ServerAuthorization";
        }
        if (Direct)
        {
            json["form"] = "ServiceAccountRef";
        }
        if (IdentityStrings is bool strings)
        {
            json["identityStrings"] = strings;
        }
        Add(json, "trustDomain", TrustDomain);
        Add(json, "authorizationName", AuthorizationName);
        Add(json, "meshTLSAuthenticationName", MeshTlsName);
        Add(json, "networkAuthenticationName", NetworkName);
        return json.Count == 0 ? null : json;
    }

    public static SourceHints FromJson(JsonNode? node)
    {
        if (node is not JsonObject json)
        {
            return new SourceHints();
        }
        var form = json["form"]?.GetValue<string>();
        return new SourceHints
        {
            Legacy = form == "ServerAuthorization",
            Direct = form == "ServiceAccountRef",
            IdentityStrings = json["identityStrings"]?.GetValue<bool>(),
            TrustDomain = json["trustDomain"]?.GetValue<string>(),
            AuthorizationName = json["authorizationName"]?.GetValue<string>(),
            MeshTlsName = json["meshTLSAuthenticationName"]?.GetValue<string>(),
            NetworkName = json["networkAuthenticationName"]?.GetValue<string>(),
        };
    }

    private static void Add(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }
}

/// <summary>The names Linkerd objects of an intent get.</summary>
internal static class AccessNames
{
    /// <summary>Source 0 is named after the intent, source i after the intent with <c>-i</c>.</summary>
    public static string Source(string intent, int index) => index == 0 ? intent : $"{intent}-{index}";

    public static string Server(AccessIntent intent) => intent.To.Name ?? intent.Name;
}
