using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Resources;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// Server-side printing (<c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c>), which kubectl get asks
/// for: the columns the apiserver prints for common kinds, a CRD's additionalPrinterColumns, else Name and Age.
/// </summary>
public static partial class TableConverter
{
    private sealed record Column(string Name, string Type, int Priority, Func<JsonObject, DateTimeOffset, object?> Cell, string Format = "");

    public static JsonObject ToTable(ResourceType type, IEnumerable<JsonObject> objects, long revision, bool includeObject, DateTimeOffset now)
    {
        var columns = ColumnsFor(type);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            rows.Add(new JsonObject
            {
                ["cells"] = new JsonArray(columns.Select(c => JsonValueOf(c.Cell(obj, now))).ToArray()),
                ["object"] = includeObject ? obj.DeepClone() : PartialMetadata(obj),
            });
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
            ["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Name,
                ["priority"] = c.Priority,
            }).ToArray()),
            ["rows"] = rows,
        };
    }

    /// <summary>
    /// The row's object when only metadata is asked for. managedFields are left out: kubectl never prints them
    /// and they are most of each row's bytes, which made decoding, not serving, the cost of `kubectl get`.
    /// </summary>
    private static JsonObject PartialMetadata(JsonObject obj)
    {
        var metadata = obj["metadata"]?.DeepClone() as JsonObject;
        metadata?.Remove("managedFields");
        return new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
        };
    }

    private static JsonNode? JsonValueOf(object? value) => value switch
    {
        null => null,
        string s => s,
        long l => l,
        int i => i,
        bool b => b,
        double d => d,
        JsonNode node => node.DeepClone(),
        _ => value.ToString(),
    };

    private static IReadOnlyList<Column> ColumnsFor(ResourceType type)
    {
        var name = new Column("Name", "string", 0, (o, _) => o.Name(), "name");
        var age = new Column("Age", "string", 0, (o, now) => Age(o, now));
        if (type.Custom is { } custom)
        {
            var columns = new List<Column> { name };
            columns.AddRange(custom.PrinterColumns.Select(p => new Column(p.Name, p.Type, p.Priority, (o, now) => PrinterCell(o, p, now), p.Format ?? "")));
            if (!custom.PrinterColumns.Any(p => p.Name == "Age"))
            {
                columns.Add(age);
            }
            return columns;
        }
        return type.Kind switch
        {
            "Pod" =>
            [
                name,
                new Column("Ready", "string", 0, (o, _) => $"{ReadyContainers(o)}/{Count(o.At("spec", "containers"))}"),
                new Column("Status", "string", 0, (o, _) => PodStatus(o)),
                new Column("Restarts", "string", 0, (o, _) => Restarts(o).ToString(CultureInfo.InvariantCulture)),
                age,
                new Column("IP", "string", 1, (o, _) => o.GetString("status", "podIP") ?? "<none>"),
                new Column("Node", "string", 1, (o, _) => o.GetString("spec", "nodeName") ?? "<none>"),
            ],
            "Deployment" =>
            [
                name,
                new Column("Ready", "string", 0, (o, _) => $"{o.GetLong("status", "readyReplicas") ?? 0}/{o.GetLong("spec", "replicas") ?? 1}"),
                new Column("Up-to-date", "integer", 0, (o, _) => o.GetLong("status", "updatedReplicas") ?? 0),
                new Column("Available", "integer", 0, (o, _) => o.GetLong("status", "availableReplicas") ?? 0),
                age,
                new Column("Containers", "string", 1, (o, _) => ContainerField(o, "name")),
                new Column("Images", "string", 1, (o, _) => ContainerField(o, "image")),
                new Column("Selector", "string", 1, (o, _) => ResourceApi.SelectorText(o.At("spec", "selector")) ?? "<none>"),
            ],
            "ReplicaSet" =>
            [
                name,
                new Column("Desired", "integer", 0, (o, _) => o.GetLong("spec", "replicas") ?? 1),
                new Column("Current", "integer", 0, (o, _) => o.GetLong("status", "replicas") ?? 0),
                new Column("Ready", "integer", 0, (o, _) => o.GetLong("status", "readyReplicas") ?? 0),
                age,
            ],
            "StatefulSet" =>
            [
                name,
                new Column("Ready", "string", 0, (o, _) => $"{o.GetLong("status", "readyReplicas") ?? 0}/{o.GetLong("spec", "replicas") ?? 1}"),
                age,
            ],
            "DaemonSet" =>
            [
                name,
                new Column("Desired", "integer", 0, (o, _) => o.GetLong("status", "desiredNumberScheduled") ?? 0),
                new Column("Current", "integer", 0, (o, _) => o.GetLong("status", "currentNumberScheduled") ?? 0),
                new Column("Ready", "integer", 0, (o, _) => o.GetLong("status", "numberReady") ?? 0),
                new Column("Up-to-date", "integer", 0, (o, _) => o.GetLong("status", "updatedNumberScheduled") ?? 0),
                new Column("Available", "integer", 0, (o, _) => o.GetLong("status", "numberAvailable") ?? 0),
                age,
            ],
            "Service" =>
            [
                name,
                new Column("Type", "string", 0, (o, _) => o.GetString("spec", "type") ?? "ClusterIP"),
                new Column("Cluster-IP", "string", 0, (o, _) => o.GetString("spec", "clusterIP") ?? "<none>"),
                new Column("External-IP", "string", 0, (o, _) => ExternalIp(o)),
                new Column("Port(s)", "string", 0, (o, _) => ServicePorts(o)),
                age,
            ],
            "Namespace" => [name, new Column("Status", "string", 0, (o, _) => o.GetString("status", "phase") ?? "Active"), age],
            "Node" =>
            [
                name,
                new Column("Status", "string", 0, (o, _) => NodeReady(o)),
                new Column("Roles", "string", 0, (o, _) => NodeRoles(o)),
                age,
                new Column("Version", "string", 0, (o, _) => o.GetString("status", "nodeInfo", "kubeletVersion") ?? ""),
            ],
            "Endpoints" => [name, new Column("Endpoints", "string", 0, (o, _) => EndpointsText(o)), age],
            "Job" =>
            [
                name,
                new Column("Completions", "string", 0, (o, _) => $"{o.GetLong("status", "succeeded") ?? 0}/{o.GetLong("spec", "completions") ?? 1}"),
                age,
            ],
            "CustomResourceDefinition" => [name, new Column("Created At", "date", 0, (o, _) => o.GetString("metadata", "creationTimestamp"))],
            "Event" =>
            [
                new Column("Last Seen", "string", 0, (o, now) => Age(o, now)),
                new Column("Type", "string", 0, (o, _) => o.GetString("type")),
                new Column("Reason", "string", 0, (o, _) => o.GetString("reason")),
                new Column("Object", "string", 0, (o, _) => $"{o.GetString("involvedObject", "kind")?.ToLowerInvariant()}/{o.GetString("involvedObject", "name")}"),
                new Column("Message", "string", 0, (o, _) => o.GetString("message")),
                name with { Priority = 1 },
            ],
            _ => StorageAndPolicyColumns(type.Kind, name, age) ?? [name, age],
        };
    }

    public static string Age(JsonObject obj, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(obj.GetString("metadata", "creationTimestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return "<unknown>";
        }
        return HumanDuration(now - created);
    }

    /// <summary>The short, coarsening age format kubectl users know: 45s, 3m12s, 25m, 5h3m, 2d4h, 40d, 3y10d.</summary>
    public static string HumanDuration(TimeSpan span)
    {
        var seconds = (long)Math.Max(0, span.TotalSeconds);
        if (seconds < 120)
        {
            return $"{seconds}s";
        }
        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        }
        if (minutes < 180)
        {
            return $"{minutes}m";
        }
        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        }
        if (hours < 48)
        {
            return $"{hours}h";
        }
        var days = hours / 24;
        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? $"{days}d" : $"{days}d{hours % 24}h";
        }
        if (days < 365 * 2)
        {
            return $"{days}d";
        }
        var years = days / 365;
        return years < 8 && days % 365 != 0 ? $"{years}y{days % 365}d" : $"{years}y";
    }

    private static object? PrinterCell(JsonObject obj, PrinterColumn column, DateTimeOffset now)
    {
        var value = SimpleJsonPath.Evaluate(obj, column.JsonPath);
        if (column.Type == "date" && value is JsonValue dateValue && dateValue.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return HumanDuration(now - when);
        }
        return value;
    }

    private static string NodeReady(JsonObject node)
    {
        var ready = (node.At("status", "conditions") as JsonArray ?? []).FirstOrDefault(c => c.GetString("type") == "Ready");
        var status = ready.GetString("status") == "True" ? "Ready" : ready is null ? "Unknown" : "NotReady";
        return node.GetBool("spec", "unschedulable") == true ? status + ",SchedulingDisabled" : status;
    }

    private static string NodeRoles(JsonObject node)
    {
        var roles = node.Labels().Keys
            .Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
            .Select(k => k["node-role.kubernetes.io/".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        return roles.Count == 0 ? "<none>" : string.Join(",", roles);
    }

    private static int Count(JsonNode? node) => node is JsonArray array ? array.Count : 0;

    private static int ReadyContainers(JsonObject pod) =>
        (pod.At("status", "containerStatuses") as JsonArray ?? []).Count(s => s.GetBool("ready") == true);

    private static long Restarts(JsonObject pod) =>
        (pod.At("status", "containerStatuses") as JsonArray ?? []).Sum(s => s.GetLong("restartCount") ?? 0);

    private static string PodStatus(JsonObject pod)
    {
        if (pod.At("metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }
        foreach (var status in (pod.At("status", "containerStatuses") as JsonArray ?? []).OfType<JsonObject>())
        {
            if (status.GetString("state", "waiting", "reason") is { } waiting)
            {
                return waiting;
            }
        }
        var initializing = (pod.At("status", "initContainerStatuses") as JsonArray ?? []).OfType<JsonObject>()
            .Any(s => s.GetBool("ready") != true && s.At("state", "terminated") is null && pod.At("spec", "initContainers") is JsonArray { Count: > 0 });
        if (initializing && pod.GetString("status", "phase") == "Pending")
        {
            return "Init:0/" + Count(pod.At("spec", "initContainers"));
        }
        return pod.GetString("status", "reason") ?? pod.GetString("status", "phase") ?? "Pending";
    }

    private static string ContainerField(JsonObject obj, string field) =>
        string.Join(",", (obj.At("spec", "template", "spec", "containers") as JsonArray ?? []).Select(c => c.GetString(field)));

    private static string ExternalIp(JsonObject service)
    {
        var ingress = (service.At("status", "loadBalancer", "ingress") as JsonArray ?? []).Select(i => i.GetString("ip") ?? i.GetString("hostname")).Where(s => s is not null).ToList();
        if (ingress.Count > 0)
        {
            return string.Join(",", ingress);
        }
        return service.GetString("spec", "type") == "LoadBalancer" ? "<pending>" : "<none>";
    }

    private static string ServicePorts(JsonObject service)
    {
        var ports = (service.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>().Select(p =>
        {
            var text = $"{p.GetLong("port")}";
            if (p.GetLong("nodePort") is { } nodePort)
            {
                text += $":{nodePort}";
            }
            return $"{text}/{p.GetString("protocol") ?? "TCP"}";
        }).ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    private static string EndpointsText(JsonObject endpoints)
    {
        var items = new List<string>();
        foreach (var subset in (endpoints["subsets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var address in (subset["addresses"] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var port in (subset["ports"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    items.Add($"{address.GetString("ip")}:{port.GetLong("port")}");
                }
            }
        }
        return items.Count == 0 ? "<none>" : items.Count > 3 ? string.Join(",", items.Take(3)) + $" + {items.Count - 3} more..." : string.Join(",", items);
    }
}
