using System.Text.Json.Nodes;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Model.Preservation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Drivers;

/// <summary>
/// The shared half of a driver: validation, merging objects that several models render, and keeping what the
/// model does not understand. Reading computes, per object, the residue between the object as read and its
/// canonical rendering (<see cref="Residue"/>) and stores it in the model; rendering puts it back.
/// A mesh supplies its <see cref="IModelMapper"/>s, capabilities, conventions (with its telemetry vocabulary) and injection patch.
/// </summary>
public abstract class MeshDriverBase : IMeshDriver
{
    private static readonly string[] ServerPopulatedMetadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    protected MeshDriverBase(string provider, string family)
    {
        Provider = provider;
        Family = family;
    }

    public string Provider { get; }

    /// <summary>The section of <see cref="PreservedData"/> this driver owns, shared by the versions of one mesh.</summary>
    public string Family { get; }

    public abstract MeshCapabilities Capabilities { get; }

    public abstract MeshConventions Conventions { get; }

    public TelemetryVocabulary Telemetry => Conventions.Telemetry;

    protected abstract IReadOnlyList<IModelMapper> Mappers { get; }

    public abstract JsonObject InjectionPatch(InjectionTarget target, bool enabled);

    /// <summary>
    /// Objects the models only annotate (Service, Namespace, workloads): their owners manage the rest, so
    /// rendering gives a partial object for server-side apply and reading keeps no residue of them.
    /// </summary>
    protected virtual bool IsAnnotatedOnly(JsonObject obj) =>
        (KubeJson.Group(obj), KubeJson.Kind(obj)) is ("", "Service") or ("", "Namespace") or ("", "Pod")
        || KubeJson.Group(obj) is "apps" or "batch";

    public IReadOnlyList<ValidationProblem> Validate(IMeshModel model)
    {
        var problems = model.Validate().ToList();
        var mapper = Mappers.FirstOrDefault(m => m.Handles(model));
        if (mapper is null)
        {
            problems.Add(new("", $"the {Provider} driver cannot render a {model.ModelKind}"));
        }
        else
        {
            problems.AddRange(CapabilityChecks.Validate(model, Capabilities, Provider));
            problems.AddRange(mapper.Validate(model));
        }
        return problems;
    }

    public IReadOnlyList<JsonObject> Render(IEnumerable<IMeshModel> models)
    {
        var list = models.ToList();
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < list.Count; i++)
        {
            var prefix = list.Count == 1 ? "" : FieldPath.Index("", i);
            problems.AddRange(Validate(list[i]).Select(p => prefix.Length == 0 ? p : p with { Path = p.Path.Length == 0 ? prefix : FieldPath.Child(prefix, p.Path) }));
        }
        var merged = MergeCanonical(list, problems);
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
        foreach (var model in list)
        {
            var residues = model.Preserved?.Residues(Family);
            if (residues is null)
            {
                continue;
            }
            foreach (var (identity, residue) in residues)
            {
                if (merged.TryGetValue(identity, out var entry) && residue is JsonObject residueObject)
                {
                    merged[identity] = entry with { Object = Residue.Apply(entry.Object, residueObject) };
                }
            }
        }
        return [.. merged.Values.Select(e => e.Object)];
    }

    public MeshReadResult Read(IEnumerable<JsonObject> objects)
    {
        var originals = objects.Select(o => (JsonObject)o.DeepClone()).ToList();
        var pool = new ObjectPool(originals);
        var models = Mappers.SelectMany(m => m.Read(pool).ToList()).ToList();
        var merged = MergeCanonical(models, conflicts: null);
        var byIdentity = new Dictionary<string, JsonObject>();
        foreach (var original in originals.Where(pool.IsClaimed))
        {
            byIdentity.TryAdd(ObjectIdentity.Of(original), original);
        }
        var residues = models.Select(_ => new JsonObject()).ToArray();
        foreach (var (identity, entry) in merged)
        {
            if (byIdentity.TryGetValue(identity, out var original) && !IsAnnotatedOnly(original))
            {
                var residue = Residue.Compute(WithoutServerFields(original), entry.Object);
                if (residue is not null)
                {
                    residues[entry.Owner][identity] = residue;
                }
            }
        }
        for (var i = 0; i < models.Count; i++)
        {
            var own = PreservedData.For(Family, models[i].Preserved?.Hints(Family), residues[i]);
            models[i] = models[i].WithPreserved(PreservedData.Replace(models[i].Preserved, Family, own));
        }
        var unrecognized = pool.Leftovers().ToList();
        unrecognized.AddRange(originals
            .Where(o => pool.IsClaimed(o) && !merged.ContainsKey(ObjectIdentity.Of(o)))
            .Select(o => new UnrecognizedObject(o, "read, but no model renders it")));
        return new MeshReadResult(models, unrecognized);
    }

    private Dictionary<string, RenderedObject> MergeCanonical(IReadOnlyList<IMeshModel> models, List<ValidationProblem>? conflicts)
    {
        var merged = new Dictionary<string, RenderedObject>();
        for (var i = 0; i < models.Count; i++)
        {
            var mapper = Mappers.FirstOrDefault(m => m.Handles(models[i]));
            if (mapper is null)
            {
                continue;
            }
            foreach (var obj in mapper.Render(models[i]))
            {
                var identity = ObjectIdentity.Of(obj);
                if (!merged.TryGetValue(identity, out var existing))
                {
                    merged[identity] = new RenderedObject(obj, i);
                    continue;
                }
                var combined = ObjectMerge.TryMerge(existing.Object, obj, out var conflictPath);
                if (combined is not null)
                {
                    merged[identity] = existing with { Object = combined };
                }
                else
                {
                    conflicts?.Add(new(models.Count == 1 ? "" : FieldPath.Index("", i),
                        $"renders {identity} with a different {conflictPath} than {models[existing.Owner].ModelKind} {models[existing.Owner].Name}"));
                }
            }
        }
        return merged;
    }

    private static JsonObject WithoutServerFields(JsonObject original)
    {
        var copy = (JsonObject)original.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerPopulatedMetadata)
            {
                metadata.Remove(field);
            }
        }
        return copy;
    }

    private sealed record RenderedObject(JsonObject Object, int Owner);
}
