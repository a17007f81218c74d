using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema;

/// <summary>
/// CRDs loaded from YAML, indexed by (group, version, kind) for every served version. Validates objects the way a
/// cluster with these CRDs would, in strict field-validation mode: fields the apiserver would prune are errors.
/// Safe to read while another thread adds or removes CRDs (each change publishes a new immutable index).
/// </summary>
public sealed class SchemaCatalog
{
    private static readonly string[] CrdFileExtensions = [".yaml", ".yml", ".json", ".golden"];

    private readonly Lock writeLock = new();
    private volatile Index index = Index.Empty;

    public IReadOnlyCollection<CrdInfo> Crds => index.CrdsByName.Values.ToList();

    public bool TryGetCrd(string name, [MaybeNullWhen(false)] out CrdInfo crd) => index.CrdsByName.TryGetValue(name, out crd);

    /// <summary>
    /// Loads every CustomResourceDefinition in the given files and directories (searched recursively for .yaml, .yml,
    /// .json and .golden files); other documents are skipped. Throws <see cref="SchemaCatalogException"/> naming the
    /// file when YAML cannot be parsed or a CRD is invalid.
    /// </summary>
    public static SchemaCatalog Load(params string[] paths)
    {
        var catalog = new SchemaCatalog();
        foreach (var file in paths.SelectMany(ExpandPath))
        {
            catalog.AddYaml(File.ReadAllText(file), file);
        }
        return catalog;
    }

    /// <summary>Loads the CRDs of one YAML stream; <paramref name="source"/> names it in errors.</summary>
    public static SchemaCatalog FromYaml(string yaml, string source = "<yaml>")
    {
        var catalog = new SchemaCatalog();
        catalog.AddYaml(yaml, source);
        return catalog;
    }

    /// <summary>Adds the CRDs of a YAML stream; throws <see cref="SchemaCatalogException"/> when one is invalid.</summary>
    public void AddYaml(string yaml, string source)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlJson.ParseDocuments(yaml);
        }
        catch (YamlFormatException ex)
        {
            throw new SchemaCatalogException($"{source}: {ex.Message}", ex);
        }
        var problems = new List<string>();
        foreach (var document in YamlJson.ExpandLists(documents))
        {
            if (!JsonSemantics.IsString(document["kind"], out var kind) || kind != "CustomResourceDefinition")
            {
                continue;
            }
            var errors = Add(document);
            if (errors.Count > 0)
            {
                var name = document["metadata"]?["name"]?.ToString() ?? "(unnamed)";
                problems.Add($"{source}: CustomResourceDefinition \"{name}\": {string.Join("; ", errors.Select(error => error.Message))}");
            }
        }
        if (problems.Count > 0)
        {
            throw new SchemaCatalogException(string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>Adds a CRD object if it is valid; returns its problems otherwise (and then adds nothing).</summary>
    public IReadOnlyList<FieldError> Add(JsonObject crd)
    {
        if (CrdInfo.TryParse(crd, out var info, out var errors))
        {
            Add(info);
        }
        return errors;
    }

    /// <summary>Adds (or replaces, by name) a parsed CRD.</summary>
    public void Add(CrdInfo crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        lock (writeLock)
        {
            index = index.Without(crd.Name).With(crd);
        }
    }

    /// <summary>Removes a CRD by name (<c>plural.group</c>); returns false when it was not there.</summary>
    public bool Remove(string crdName)
    {
        lock (writeLock)
        {
            var before = index;
            index = before.Without(crdName);
            return !ReferenceEquals(before, index);
        }
    }

    public bool Contains(string apiVersion, string kind) => TryGet(apiVersion, kind, out _);

    /// <summary>The schema of a served version of a kind, found from <c>apiVersion</c> (<c>group/version</c>) and <c>kind</c>.</summary>
    public bool TryGet(string apiVersion, string kind, [MaybeNullWhen(false)] out StructuralSchema schema)
    {
        if (TryGetVersion(apiVersion, kind, out _, out var version))
        {
            schema = version.Schema;
            return true;
        }
        schema = null;
        return false;
    }

    public bool TryGetVersion(string apiVersion, string kind, [MaybeNullWhen(false)] out CrdInfo crd, [MaybeNullWhen(false)] out CrdVersion version)
    {
        var slash = apiVersion.IndexOf('/');
        var key = slash < 0 ? (string.Empty, apiVersion, kind) : (apiVersion[..slash], apiVersion[(slash + 1)..], kind);
        if (index.Versions.TryGetValue(key, out var found))
        {
            (crd, version) = found;
            return true;
        }
        crd = null;
        version = null;
        return false;
    }

    /// <summary>
    /// Validates an object as a cluster with these CRDs would under strict field validation: finds its schema from
    /// apiVersion and kind, reports fields pruning would drop as unknown fields, applies defaults (on a copy) and
    /// validates. The object itself is not changed.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(JsonObject obj) => Validate(obj, null);

    /// <summary>Validates an update of <paramref name="oldObj"/> to <paramref name="obj"/>: as <see cref="Validate(JsonObject)"/>, plus the CEL transition rules.</summary>
    public IReadOnlyList<FieldError> ValidateUpdate(JsonObject obj, JsonObject oldObj)
    {
        ArgumentNullException.ThrowIfNull(oldObj);
        return Validate(obj, oldObj);
    }

    private List<FieldError> Validate(JsonObject obj, JsonObject? oldObj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var errors = new List<FieldError>();
        var hasApiVersion = JsonSemantics.IsString(obj["apiVersion"], out var apiVersion) && apiVersion.Length > 0;
        var hasKind = JsonSemantics.IsString(obj["kind"], out var kind) && kind.Length > 0;
        if (!hasApiVersion)
        {
            errors.Add(FieldError.Required("apiVersion", "must not be empty"));
        }
        if (!hasKind)
        {
            errors.Add(FieldError.Required("kind", "must not be empty"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (!TryGet(apiVersion, kind, out var schema))
        {
            return [FieldError.NotFound("kind", kind) with { Detail = $"no matches for kind \"{kind}\" in version \"{apiVersion}\"" }];
        }

        var copy = (JsonObject)obj.DeepClone();
        errors.AddRange(Pruner.Prune(copy, schema).Select(FieldError.UnknownField));
        Defaulter.ApplyDefaults(copy, schema);
        errors.AddRange(oldObj is null ? SchemaValidator.Validate(copy, schema) : SchemaValidator.ValidateUpdate(copy, oldObj, schema));
        return errors;
    }

    private sealed record Index(
        ImmutableDictionary<string, CrdInfo> CrdsByName,
        ImmutableDictionary<(string Group, string Version, string Kind), (CrdInfo Crd, CrdVersion Version)> Versions)
    {
        public static readonly Index Empty = new(
            ImmutableDictionary.Create<string, CrdInfo>(StringComparer.Ordinal),
            ImmutableDictionary<(string Group, string Version, string Kind), (CrdInfo Crd, CrdVersion Version)>.Empty);

        public Index With(CrdInfo crd) => new(
            CrdsByName.SetItem(crd.Name, crd),
            Versions.SetItems(crd.ServedVersions.Select(version =>
                KeyValuePair.Create((crd.Group, version.Name, crd.Names.Kind), (crd, version)))));

        public Index Without(string name) => CrdsByName.TryGetValue(name, out var previous)
            ? new Index(
                CrdsByName.Remove(name),
                Versions.RemoveRange(previous.Versions.Select(version => (previous.Group, version.Name, previous.Names.Kind))))
            : this;
    }

    private static IEnumerable<string> ExpandPath(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(file => CrdFileExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }
        throw new SchemaCatalogException($"{path}: no such file or directory");
    }
}
