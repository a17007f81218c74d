using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.Model.Collections;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Traffic;

/// <summary>
/// A split as an SMI TrafficSplit. v1alpha2 writes integer weights; v1alpha1 writes quantities as Flagger's
/// Linkerd router does (<c>"90"</c>), or milli-quantities (<c>500m</c>) when the source used them.
/// </summary>
internal static partial class SmiSplit
{
    public const string MilliHint = "weightsInMilli";

    public static IEnumerable<ValidationProblem> Validate(TrafficSplit split)
    {
        if (split.Port is not null)
        {
            yield return new("port", "an SMI TrafficSplit splits a whole service and has no port; leave it out");
        }
        for (var i = 0; i < split.Backends.Count; i++)
        {
            if (split.Backends[i].Port is not null)
            {
                yield return new($"backends[{i}].port", "SMI backends have no port; leave it out");
            }
        }
    }

    public static JsonObject Render(TrafficSplit split, SplitApi api, bool milli)
    {
        var apiVersion = api == SplitApi.SmiV1Alpha1 ? "split.smi-spec.io/v1alpha1" : "split.smi-spec.io/v1alpha2";
        var obj = KubeJson.NewObject(apiVersion, "TrafficSplit", split.Name, split.Namespace);
        obj["spec"] = new JsonObject
        {
            ["service"] = split.Service,
            ["backends"] = KubeJson.ToArray(split.Backends.Select(b => (JsonNode?)new JsonObject
            {
                ["service"] = b.Service,
                ["weight"] = api == SplitApi.SmiV1Alpha1 ? Quantity(b.Weight, milli) : JsonValue.Create(b.Weight),
            })),
        };
        return obj;
    }

    /// <summary>Reads a TrafficSplit of either version; null with a reason when a weight cannot be read.</summary>
    public static TrafficSplit? Read(JsonObject obj, out SplitApi api, out bool milli, out string reason)
    {
        api = KubeJson.ApiVersion(obj) == "split.smi-spec.io/v1alpha1" ? SplitApi.SmiV1Alpha1 : SplitApi.SmiV1Alpha2;
        milli = false;
        reason = "";
        if (KubeJson.ApiVersion(obj) is not ("split.smi-spec.io/v1alpha1" or "split.smi-spec.io/v1alpha2"))
        {
            reason = $"{KubeJson.ApiVersion(obj)} is not an SMI version Linkerd serves (v1alpha1, v1alpha2)";
            return null;
        }
        if (KubeJson.String(obj, "spec.service") is not string service || KubeJson.Array(obj, "spec.backends") is not JsonArray backendsJson)
        {
            reason = "spec.service and spec.backends are required";
            return null;
        }
        var parsed = new List<(string Service, decimal Weight, bool Milli)>();
        foreach (var node in backendsJson)
        {
            if (node is not JsonObject backend || KubeJson.String(backend, "service") is not string name || !TryWeight(backend["weight"], out var weight, out var isMilli))
            {
                reason = "a backend has no service or a weight that is not a whole number or milli-quantity";
                return null;
            }
            parsed.Add((name, weight, isMilli));
        }
        milli = api == SplitApi.SmiV1Alpha1 && parsed.Any(p => p.Milli);
        var scale = milli ? 1000m : 1m;
        var backends = parsed.Select(p => new WeightedBackend { Service = p.Service, Weight = (int)(p.Weight * scale) }).ToValueList();
        return new TrafficSplit { Name = KubeJson.Name(obj), Namespace = KubeJson.Namespace(obj), Service = service, Backends = backends };
    }

    private static JsonNode Quantity(int weight, bool milli) =>
        JsonValue.Create(milli ? weight.ToString(CultureInfo.InvariantCulture) + "m" : weight.ToString(CultureInfo.InvariantCulture));

    private static bool TryWeight(JsonNode? node, out decimal weight, out bool milli)
    {
        weight = 0;
        milli = false;
        if (KubeJson.AsInt(node) is int integer)
        {
            weight = integer;
            return true;
        }
        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String && QuantityPattern().Match(text.GetValue<string>()) is { Success: true } match)
        {
            milli = match.Groups[2].Value == "m";
            weight = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / (milli ? 1000m : 1m);
            return weight * 1000m == decimal.Truncate(weight * 1000m);
        }
        return false;
    }

    [GeneratedRegex("^([0-9]{1,9})(m?)$")]
    private static partial Regex QuantityPattern();
}
