using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>Status conditions that keep their timestamps unless something about them really changed.</summary>
public static class Conditions
{
    /// <summary>
    /// Sets condition <paramref name="type"/> in <paramref name="status"/>.conditions. lastTransitionTime moves only
    /// when the status flips; lastUpdateTime (when <paramref name="withUpdateTime"/>) when reason or message change.
    /// </summary>
    public static void Set(JsonObject status, string type, string value, string reason, string message, string now, bool withUpdateTime = false)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);
        if (existing is null)
        {
            existing = new JsonObject { ["type"] = type };
            conditions.Add(existing);
        }
        var flipped = existing.GetString("status") != value;
        var changed = flipped || existing.GetString("reason") != reason || existing.GetString("message") != message;
        existing["status"] = value;
        if (withUpdateTime && (changed || existing["lastUpdateTime"] is null))
        {
            existing["lastUpdateTime"] = now;
        }
        if (flipped || existing["lastTransitionTime"] is null)
        {
            existing["lastTransitionTime"] = now;
        }
        existing["reason"] = reason;
        existing["message"] = message;
    }

    public static JsonObject? Find(JsonNode? status, string type) =>
        (status.At("conditions") as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == type);
}
