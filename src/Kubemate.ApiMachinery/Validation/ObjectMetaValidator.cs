using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>
/// Validates <c>metadata</c> of an object as the apiserver does on create and update (apimachinery's
/// <c>ValidateObjectMetaAccessor</c> and <c>ValidateObjectMetaAccessorUpdate</c>), with the same messages.
/// </summary>
public static class ObjectMetaValidator
{
    /// <summary>Annotations may hold at most 256 KiB, keys and values counted together.</summary>
    public const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    private const string FieldImmutable = "field is immutable";
    private const string OrphanFinalizer = "orphan";
    private const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Validates a new object's metadata: name (or generateName), namespace, labels, annotations, owners, finalizers.</summary>
    public static IReadOnlyList<FieldViolation> Validate(JsonObject obj, bool namespaced, NameRule rule)
    {
        var violations = new List<FieldViolation>();
        var reader = new JsonFieldReader(violations);
        var metadata = reader.Object(obj, "metadata", "metadata") ?? [];

        var generateName = reader.String(metadata, "generateName", "metadata.generateName") ?? "";
        if (generateName.Length > 0)
        {
            foreach (var message in NameFormats.CheckName(rule, generateName, isPrefix: true))
            {
                violations.Add(FieldViolation.Invalid("metadata.generateName", generateName, message));
            }
        }

        var name = reader.String(metadata, "name", "metadata.name") ?? "";
        if (name.Length == 0)
        {
            if (generateName.Length == 0)
            {
                violations.Add(FieldViolation.Required("metadata.name", "name or generateName is required"));
            }
        }
        else
        {
            foreach (var message in NameFormats.CheckName(rule, name))
            {
                violations.Add(FieldViolation.Invalid("metadata.name", name, message));
            }
        }

        var ns = reader.String(metadata, "namespace", "metadata.namespace") ?? "";
        if (namespaced)
        {
            if (ns.Length == 0)
            {
                violations.Add(FieldViolation.Required("metadata.namespace"));
            }
            else
            {
                foreach (var message in NameFormats.IsDns1123Label(ns))
                {
                    violations.Add(FieldViolation.Invalid("metadata.namespace", ns, message));
                }
            }
        }
        else if (ns.Length > 0)
        {
            violations.Add(FieldViolation.Forbidden("metadata.namespace", "not allowed on this type"));
        }

        var generation = reader.Integer(metadata, "generation", "metadata.generation");
        if (generation < 0)
        {
            violations.Add(FieldViolation.Invalid("metadata.generation", generation.Value, "must be greater than or equal to 0"));
        }

        ValidateCommon(metadata, reader, violations);
        return violations;
    }

    /// <summary>
    /// Validates an update: identity and lifecycle fields may not change, generation may not go down, no new finalizers
    /// once deletion started, and the mutable parts must still be valid. The server copies <c>resourceVersion</c>
    /// before calling this, so an unconditional update is not rejected here.
    /// </summary>
    public static IReadOnlyList<FieldViolation> ValidateUpdate(JsonObject updated, JsonObject existing)
    {
        var violations = new List<FieldViolation>();
        var reader = new JsonFieldReader(violations);
        var newMeta = reader.Object(updated, "metadata", "metadata") ?? [];
        var oldMeta = existing["metadata"] as JsonObject ?? [];

        if (oldMeta["deletionTimestamp"] is not null)
        {
            var oldFinalizers = StringsOf(oldMeta["finalizers"]);
            var added = StringsOf(newMeta["finalizers"]).Where(f => !oldFinalizers.Contains(f)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                violations.Add(FieldViolation.Forbidden("metadata.finalizers",
                    "no new finalizers can be added if the object is being deleted, found new finalizers []string{"
                    + string.Join(", ", added.Select(GoQuote.Quote)) + "}"));
            }
        }

        var newGeneration = reader.Integer(newMeta, "generation", "metadata.generation");
        if (newGeneration < (Json.JsonNumbers.TryGetInt64(oldMeta["generation"], out var oldGeneration) ? oldGeneration : 0))
        {
            violations.Add(FieldViolation.Invalid("metadata.generation", newGeneration.Value, "must not be decremented"));
        }

        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            var newValue = newMeta[field];
            if (!JsonNode.DeepEquals(newValue, oldMeta[field]))
            {
                violations.Add(FieldViolation.Invalid("metadata." + field, newValue, FieldImmutable));
            }
        }

        ValidateCommon(newMeta, reader, violations);
        return violations;
    }

    /// <summary>Checks label keys and values as <c>metadata.labels</c> does (keys are qualified names).</summary>
    public static IReadOnlyList<FieldViolation> ValidateLabels(IReadOnlyDictionary<string, string> labels, string path)
    {
        var violations = new List<FieldViolation>();
        foreach (var (key, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var message in NameFormats.IsQualifiedName(key))
            {
                violations.Add(FieldViolation.Invalid(path, key, message));
            }
            foreach (var message in NameFormats.IsLabelValue(value))
            {
                violations.Add(FieldViolation.Invalid(path, value, message));
            }
        }
        return violations;
    }

    private static void ValidateCommon(JsonObject metadata, JsonFieldReader reader, List<FieldViolation> violations)
    {
        violations.AddRange(ValidateLabels(reader.StringMap(metadata, "labels", "metadata.labels"), "metadata.labels"));
        ValidateAnnotations(reader.StringMap(metadata, "annotations", "metadata.annotations"), violations);
        ValidateOwnerReferences(reader.Array(metadata, "ownerReferences", "metadata.ownerReferences"), reader, violations);
        ValidateFinalizers(reader.StringList(metadata, "finalizers", "metadata.finalizers"), violations);
    }

    private static void ValidateAnnotations(IReadOnlyDictionary<string, string> annotations, List<FieldViolation> violations)
    {
        long totalBytes = 0;
        foreach (var (key, value) in annotations)
        {
            // Annotation keys follow the qualified-name rule, except that case does not matter.
            foreach (var message in NameFormats.IsQualifiedName(key.ToLowerInvariant()))
            {
                violations.Add(FieldViolation.Invalid("metadata.annotations", key, message));
            }
            totalBytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }
        if (totalBytes > TotalAnnotationSizeLimitBytes)
        {
            violations.Add(FieldViolation.TooLong("metadata.annotations", TotalAnnotationSizeLimitBytes));
        }
    }

    private static void ValidateOwnerReferences(JsonArray? references, JsonFieldReader reader, List<FieldViolation> violations)
    {
        if (references is null)
        {
            return;
        }
        // Upstream reports owner reference fields without the list index (metadata.ownerReferences.uid); kept identical.
        const string path = "metadata.ownerReferences";
        string? firstController = null;
        for (var i = 0; i < references.Count; i++)
        {
            if (references[i] is not JsonObject reference)
            {
                violations.Add(FieldViolation.Invalid($"{path}[{i}]", references[i], "must be an object"));
                continue;
            }
            var apiVersion = reader.String(reference, "apiVersion", $"{path}[{i}].apiVersion") ?? "";
            var kind = reader.String(reference, "kind", $"{path}[{i}].kind") ?? "";
            var name = reader.String(reference, "name", $"{path}[{i}].name") ?? "";
            var uid = reader.String(reference, "uid", $"{path}[{i}].uid") ?? "";
            var (group, version) = SplitApiVersion(apiVersion);
            if (version.Length == 0)
            {
                violations.Add(FieldViolation.Invalid(path + ".apiVersion", apiVersion, "version must not be empty"));
            }
            if (kind.Length == 0)
            {
                violations.Add(FieldViolation.Invalid(path + ".kind", kind, "must not be empty"));
            }
            if (name.Length == 0)
            {
                violations.Add(FieldViolation.Invalid(path + ".name", name, "must not be empty"));
            }
            if (uid.Length == 0)
            {
                violations.Add(FieldViolation.Invalid(path + ".uid", uid, "must not be empty"));
            }
            if (group.Length == 0 && version == "v1" && kind == "Event")
            {
                violations.Add(FieldViolation.Invalid(path, reference, "/v1, Kind=Event is disallowed from being an owner"));
            }

            if (reader.Boolean(reference, "controller", $"{path}[{i}].controller") == true)
            {
                var current = kind + "/" + name;
                if (firstController is null)
                {
                    firstController = current;
                }
                else
                {
                    violations.Add(FieldViolation.Invalid(path, references,
                        $"Only one reference can have Controller set to true. Found \"true\" in references for {firstController} and {current}"));
                }
            }
        }
    }

    private static void ValidateFinalizers(IReadOnlyList<string> finalizers, List<FieldViolation> violations)
    {
        foreach (var finalizer in finalizers)
        {
            foreach (var message in NameFormats.IsQualifiedName(finalizer))
            {
                violations.Add(FieldViolation.Invalid("metadata.finalizers", finalizer, message));
            }
        }
        if (finalizers.Contains(OrphanFinalizer) && finalizers.Contains(ForegroundFinalizer))
        {
            violations.Add(FieldViolation.Invalid("metadata.finalizers", new JsonArray([.. finalizers.Select(f => (JsonNode?)f)]),
                $"finalizer {OrphanFinalizer} and {ForegroundFinalizer} cannot be both set"));
        }
    }

    /// <summary>Splits <c>group/version</c> (or a bare core <c>version</c>); anything else yields an empty version.</summary>
    private static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var parts = apiVersion.Split('/');
        return parts.Length switch
        {
            1 => ("", parts[0]),
            2 => (parts[0], parts[1]),
            _ => ("", ""),
        };
    }

    private static List<string> StringsOf(JsonNode? node) =>
        node is JsonArray array
            ? array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).OfType<string>().ToList()
            : [];
}
