using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;
using Kubemate.Modeling.Rendering;

namespace Kubemate.Modeling.Import;

/// <summary>
/// Reads objects with a mesh driver. A model is kept only when it is valid for the mesh and what it renders is
/// among the objects read; an object the models render only part of (annotations on a workload) keeps the rest
/// verbatim as the base the model's fields are laid over; everything else is kept verbatim with the reason.
/// </summary>
internal static class MeshImport
{
    public sealed record Outcome(IReadOnlyList<IMeshModel> Models, IReadOnlyList<(JsonObject Object, int Position, string Reason)> Kept);

    public static Outcome Import(IReadOnlyList<(JsonObject Object, int Position)> objects, IMeshDriver driver)
    {
        var read = driver.Read(objects.Select(o => o.Object));
        var kept = new List<(JsonObject Object, int Position, string Reason)>();
        var claimed = new List<(JsonObject Object, int Position)>();
        foreach (var entry in objects)
        {
            var unrecognized = read.Unrecognized.FirstOrDefault(u => ReferenceEquals(u.Object, entry.Object) || JsonNode.DeepEquals(u.Object, entry.Object));
            if (unrecognized is not null)
            {
                kept.Add((entry.Object, entry.Position, unrecognized.Reason));
            }
            else
            {
                claimed.Add(entry);
            }
        }
        var models = read.Models.ToList();
        var dropped = new Dictionary<string, string>(StringComparer.Ordinal);
        var unattributed = new List<string>();
        var rendered = Settle(models, claimed, driver, dropped, unattributed);
        var fallback = unattributed.Count > 0 ? string.Join("; ", unattributed) : "read by the mesh driver, but no model renders it";
        var byIdentity = rendered.ToDictionary(ObjectIdentity.Of);
        foreach (var (obj, position) in claimed)
        {
            var id = ObjectIdentity.Of(obj);
            if (!byIdentity.TryGetValue(id, out var partial))
            {
                kept.Add((obj, position, dropped.GetValueOrDefault(id) ?? fallback));
            }
            else if (!JsonNode.DeepEquals(partial, obj))
            {
                kept.Add((ObjectOverlay.Subtract(obj, partial), position, "the parts of the object outside the mesh model; the model's fields are laid over them"));
            }
        }
        return new(models, kept);
    }

    /// <summary>Drops models until the rest render only objects that were read, each reproducible from what was read; returns what they render.</summary>
    private static IReadOnlyList<JsonObject> Settle(List<IMeshModel> models, IReadOnlyList<(JsonObject Object, int Position)> claimed, IMeshDriver driver, Dictionary<string, string> dropped, List<string> unattributed)
    {
        var originals = claimed.GroupBy(c => ObjectIdentity.Of(c.Object)).ToDictionary(g => g.Key, g => g.First().Object);
        while (true)
        {
            var invalid = models.Select(m => (Model: m, Problems: driver.Validate(m))).Where(x => x.Problems.Count > 0).ToList();
            foreach (var (model, problems) in invalid)
            {
                Drop(model, $"not a valid {driver.Provider} {model.ModelKind}: {string.Join("; ", problems)}");
            }
            IReadOnlyList<JsonObject> rendered;
            try
            {
                rendered = driver.Render(models);
            }
            catch (ModelValidationException ex)
            {
                foreach (var model in models.ToList())
                {
                    Drop(model, "the mesh models conflict: " + string.Join("; ", ex.Problems));
                }
                return [];
            }
            var unfaithful = rendered
                .Where(r => !originals.TryGetValue(ObjectIdentity.Of(r), out var original) || !JsonNode.DeepEquals(ObjectOverlay.Merge(ObjectOverlay.Subtract(original, r), r), original))
                .Select(ObjectIdentity.Of)
                .ToHashSet(StringComparer.Ordinal);
            var culprits = models.Where(m => RenderedIdentities(m, driver).Overlaps(unfaithful)).ToList();
            if (invalid.Count == 0 && culprits.Count == 0)
            {
                return rendered;
            }
            foreach (var model in culprits)
            {
                Drop(model, $"the {model.ModelKind} model would not render it back unchanged");
            }
        }

        void Drop(IMeshModel model, string reason)
        {
            models.Remove(model);
            var identities = RenderedIdentities(model, driver);
            if (identities.Count == 0)
            {
                unattributed.Add(reason);
            }
            foreach (var id in identities)
            {
                dropped.TryAdd(id, reason);
            }
        }
    }

    private static HashSet<string> RenderedIdentities(IMeshModel model, IMeshDriver driver)
    {
        try
        {
            return driver.Render([model]).Select(ObjectIdentity.Of).ToHashSet(StringComparer.Ordinal);
        }
        catch (ModelValidationException)
        {
            return [];
        }
    }
}
