using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Resources;

namespace Kubemate.Sandbox.Api;

/// <summary>The metadata rules the apiserver applies on create and update: uid, timestamps, generation, immutables.</summary>
public static class ObjectLifecycle
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Timestamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Stamps a new object. Returns the name it ends up with (generateName resolved).</summary>
    public static void PrepareCreate(JsonObject obj, ResourceType type, string ns, DateTimeOffset now)
    {
        NullFields.Strip(obj, everywhere: type.Custom is null);
        var metadata = obj.Metadata();
        if (string.IsNullOrEmpty(metadata.GetString("name")) && metadata.GetString("generateName") is { Length: > 0 } prefix)
        {
            metadata["name"] = prefix + RandomSuffix(5);
        }
        if (type.Namespaced)
        {
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Timestamp(now);
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("selfLink");
        if (HasGeneration(type))
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }
        if (type.HasStatusSubresource && type.Custom is not null)
        {
            obj.Remove("status");
        }
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
    }

    /// <summary>
    /// Makes an update respect what clients may not change: identity fields come from the stored object;
    /// with a status subresource the main resource cannot change status and the status subresource can change
    /// nothing else; generation goes up when anything but metadata and status changed.
    /// </summary>
    public static void PrepareUpdate(JsonObject next, JsonObject current, ResourceType type, string subresource)
    {
        NullFields.Strip(next, everywhere: type.Custom is null);
        var metadata = next.Metadata();
        var old = current.Metadata();
        foreach (var field in new[] { "uid", "creationTimestamp", "namespace", "name", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            if (old[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }
        next["apiVersion"] = type.GroupVersion;
        next["kind"] = type.Kind;

        if (subresource == "status")
        {
            // Through the status subresource only status (and the field ownership of that write) can change.
            var status = next["status"]?.DeepClone();
            var managedFields = metadata["managedFields"]?.DeepClone();
            next.Clear();
            foreach (var (key, value) in current.CloneObject().ToList())
            {
                next[key] = value?.DeepClone();
            }
            next["status"] = status;
            if (status is null)
            {
                next.Remove("status");
            }
            if (managedFields is not null)
            {
                next.Metadata()["managedFields"] = managedFields;
            }
            return;
        }

        if (type.HasStatusSubresource)
        {
            if (current["status"] is { } oldStatus)
            {
                next["status"] = oldStatus.DeepClone();
            }
            else
            {
                next.Remove("status");
            }
        }

        if (HasGeneration(type))
        {
            var generation = current.GetLong("metadata", "generation") ?? 1;
            metadata["generation"] = SpecChanged(next, current) ? generation + 1 : generation;
        }
    }

    private static bool HasGeneration(ResourceType type) =>
        type.Custom is not null || type.Kind is "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob"
            or "NetworkPolicy" or "Ingress" or "CustomResourceDefinition" or "MutatingWebhookConfiguration" or "ValidatingWebhookConfiguration"
            or "PodDisruptionBudget" or "ValidatingAdmissionPolicy" or "ValidatingAdmissionPolicyBinding";

    private static bool SpecChanged(JsonObject next, JsonObject current)
    {
        foreach (var key in next.Select(p => p.Key).Concat(current.Select(p => p.Key)).Distinct())
        {
            if (key is "metadata" or "status" or "apiVersion" or "kind")
            {
                continue;
            }
            if (!JsonNode.DeepEquals(next[key], current[key]))
            {
                return true;
            }
        }
        return false;
    }

    private static string RandomSuffix(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)];
        }
        return new string(chars);
    }
}
