using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Api;

/// <summary>The apiserver's columns for volumes, claims, disruption budgets, autoscalers and admission policies.</summary>
public static partial class TableConverter
{
    private const int MaxPrintedMetrics = 4;

    private static IReadOnlyList<Column>? StorageAndPolicyColumns(string kind, Column name, Column age) => kind switch
    {
        "PersistentVolume" =>
        [
            name,
            new Column("Capacity", "string", 0, (o, _) => QuantityText(o.At("spec", "capacity", "storage"))),
            new Column("Access Modes", "string", 0, (o, _) => AccessModes(o.At("spec", "accessModes"))),
            new Column("Reclaim Policy", "string", 0, (o, _) => o.GetString("spec", "persistentVolumeReclaimPolicy") ?? ""),
            new Column("Status", "string", 0, (o, _) => o.GetString("status", "phase") ?? "Pending"),
            new Column("Claim", "string", 0, (o, _) => ClaimText(o)),
            new Column("StorageClass", "string", 0, (o, _) => StorageClass(o)),
            new Column("VolumeAttributesClass", "string", 0, (o, _) => o.GetString("spec", "volumeAttributesClassName") ?? "<unset>"),
            new Column("Reason", "string", 0, (o, _) => o.GetString("status", "reason") ?? ""),
            age,
            new Column("VolumeMode", "string", 1, (o, _) => o.GetString("spec", "volumeMode") ?? "<unset>"),
        ],
        "PersistentVolumeClaim" =>
        [
            name,
            new Column("Status", "string", 0, (o, _) => o.At("metadata", "deletionTimestamp") is not null ? "Terminating" : o.GetString("status", "phase") ?? "Pending"),
            new Column("Volume", "string", 0, (o, _) => o.GetString("spec", "volumeName") ?? ""),
            new Column("Capacity", "string", 0, (o, _) => QuantityText(o.At("status", "capacity", "storage"))),
            new Column("Access Modes", "string", 0, (o, _) => AccessModes(o.At("status", "accessModes"))),
            new Column("StorageClass", "string", 0, (o, _) => StorageClass(o)),
            new Column("VolumeAttributesClass", "string", 0, (o, _) => o.GetString("spec", "volumeAttributesClassName") ?? "<unset>"),
            age,
            new Column("VolumeMode", "string", 1, (o, _) => o.GetString("spec", "volumeMode") ?? "<unset>"),
        ],
        "PodDisruptionBudget" =>
        [
            name,
            new Column("Min Available", "string", 0, (o, _) => IntOrStringText(o.At("spec", "minAvailable")) ?? "N/A"),
            new Column("Max Unavailable", "string", 0, (o, _) => IntOrStringText(o.At("spec", "maxUnavailable")) ?? "N/A"),
            new Column("Allowed Disruptions", "integer", 0, (o, _) => o.GetLong("status", "disruptionsAllowed") ?? 0),
            age,
        ],
        "HorizontalPodAutoscaler" =>
        [
            name,
            new Column("Reference", "string", 0, (o, _) => $"{o.GetString("spec", "scaleTargetRef", "kind")}/{o.GetString("spec", "scaleTargetRef", "name")}"),
            new Column("Targets", "string", 0, (o, _) => MetricsText(o)),
            new Column("MinPods", "string", 0, (o, _) => o.GetLong("spec", "minReplicas") is { } min ? min.ToString(CultureInfo.InvariantCulture) : "<unset>"),
            new Column("MaxPods", "integer", 0, (o, _) => o.GetLong("spec", "maxReplicas") ?? 0),
            new Column("Replicas", "integer", 0, (o, _) => o.GetLong("status", "currentReplicas") ?? 0),
            age,
        ],
        "ValidatingAdmissionPolicy" =>
        [
            name,
            new Column("Validations", "integer", 0, (o, _) => (long)Count(o.At("spec", "validations"))),
            new Column("ParamKind", "string", 0, (o, _) => o.At("spec", "paramKind") is JsonObject param
                ? $"{param.GetString("apiVersion")}/{param.GetString("kind")}" : "<unset>"),
            age,
        ],
        "ValidatingAdmissionPolicyBinding" =>
        [
            name,
            new Column("PolicyName", "string", 0, (o, _) => o.GetString("spec", "policyName") ?? ""),
            new Column("ParamRef", "string", 0, (o, _) => ParamRefText(o.At("spec", "paramRef"))),
            age,
        ],
        _ => null,
    };

    /// <summary>The short forms kubectl prints (RWO, ROX, RWX, RWOP), each once, in the order given.</summary>
    private static string AccessModes(JsonNode? modes)
    {
        var names = (modes as JsonArray ?? []).Select(m => m.GetString() switch
        {
            "ReadWriteOnce" => "RWO",
            "ReadOnlyMany" => "ROX",
            "ReadWriteMany" => "RWX",
            "ReadWriteOncePod" => "RWOP",
            var other => other,
        }).Where(m => m is not null).Distinct().ToList();
        return string.Join(",", names);
    }

    private static string ClaimText(JsonObject volume)
    {
        var name = volume.GetString("spec", "claimRef", "name");
        return name is null ? "" : $"{volume.GetString("spec", "claimRef", "namespace")}/{name}";
    }

    /// <summary><c>spec.storageClassName</c>, or the beta annotation older manifests still carry.</summary>
    private static string StorageClass(JsonObject obj) =>
        obj.GetString("spec", "storageClassName")
        ?? obj.Annotations().GetValueOrDefault("volume.beta.kubernetes.io/storage-class")
        ?? "";

    private static string QuantityText(JsonNode? quantity) => IntOrStringText(quantity) ?? "";

    /// <summary>An int-or-string field (a count or a percentage) as text, or null when absent.</summary>
    private static string? IntOrStringText(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    private static string ParamRefText(JsonNode? paramRef)
    {
        if (paramRef is not JsonObject reference)
        {
            return "<unset>";
        }
        var target = reference.GetString("name") ?? (reference["selector"] is not null ? "*" : "");
        return reference.GetString("namespace") is { } ns ? $"{ns}/{target}" : target;
    }

    /// <summary>Each metric as <c>name: current/target</c>, <c>&lt;unknown&gt;</c> until the autoscaler reports it.</summary>
    private static string MetricsText(JsonObject autoscaler)
    {
        var metrics = (autoscaler.At("spec", "metrics") as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (metrics.Count == 0)
        {
            return "<none>";
        }
        var current = autoscaler.At("status", "currentMetrics") as JsonArray ?? [];
        var texts = metrics.Take(MaxPrintedMetrics).Select((metric, i) => MetricText(metric, i < current.Count ? current[i] : null)).ToList();
        var text = string.Join(", ", texts);
        return metrics.Count > MaxPrintedMetrics ? $"{text} + {metrics.Count - MaxPrintedMetrics} more..." : text;
    }

    private static string MetricText(JsonObject metric, JsonNode? status)
    {
        // The member holding a metric is its type in camel case: type Resource, member resource.
        var type = metric.GetString("type") ?? "";
        var member = type.Length == 0 ? "" : char.ToLowerInvariant(type[0]) + type[1..];
        var source = metric[member] as JsonObject;
        var target = source?["target"];
        var observed = status.At(member, "current");
        string targetText, currentText;
        if (target.GetLong("averageUtilization") is { } percent)
        {
            targetText = $"{percent}%";
            currentText = observed.GetLong("averageUtilization") is { } now ? $"{now}%" : "<unknown>";
        }
        else
        {
            var field = target.At("averageValue") is not null ? "averageValue" : "value";
            targetText = IntOrStringText(target.At(field)) ?? "<auto>";
            currentText = IntOrStringText(observed.At(field)) ?? "<unknown>";
        }
        var name = source.GetString("name") ?? source.GetString("metric", "name");
        return name is null ? $"{currentText}/{targetText}" : $"{name}: {currentText}/{targetText}";
    }
}
