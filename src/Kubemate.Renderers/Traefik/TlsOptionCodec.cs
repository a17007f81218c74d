using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

/// <summary>TLSOption objects to and from <see cref="TlsPolicy"/>.</summary>
public static class TlsOptionCodec
{
    public static JsonObject Write(TlsPolicy policy)
    {
        var obj = KubeObject.Create(TraefikApi.ApiVersion, TraefikApi.TlsOptionKind, policy.Metadata);
        obj["spec"] = new JsonObject()
            .Set("minVersion", policy.MinVersion)
            .Set("maxVersion", policy.MaxVersion)
            .Set("cipherSuites", policy.CipherSuites)
            .Set("curvePreferences", policy.CurvePreferences)
            .Set("sniStrict", policy.SniStrict);
        return obj.WithUnknown(policy.UnknownFields);
    }

    public static TlsPolicy Read(JsonObject source)
    {
        var root = (JsonObject)source.DeepClone();
        root.Remove("apiVersion");
        root.Remove("kind");
        var metadata = MetadataCodec.Take(root);
        var spec = JsonTake.Object(root, "spec") ?? [];
        var policy = new TlsPolicy
        {
            Metadata = metadata,
            MinVersion = JsonTake.String(spec, "minVersion"),
            MaxVersion = JsonTake.String(spec, "maxVersion"),
            CipherSuites = JsonTake.Strings(spec, "cipherSuites"),
            CurvePreferences = JsonTake.Strings(spec, "curvePreferences"),
            SniStrict = JsonTake.Bool(spec, "sniStrict"),
        };
        JsonTake.PutBackRest(root, "spec", spec);
        return policy with { UnknownFields = JsonTake.Rest(root) };
    }
}
