using Kubemate.Testing;

namespace Kubemate.Schema.Tests;

/// <summary>The upstream CRD files under <c>tests/upstream/schemas</c> and catalogs built from them once per test run.</summary>
internal static class UpstreamSchemas
{
    // Helm templates are not YAML until rendered; the rendered copy is linkerd/rendered/install_crds.golden.
    private static readonly string[] NotCrdSources = ["linkerd/templates", "smi/smi-spec-docs"];

    private static readonly Lazy<SchemaCatalog> TraefikCatalog = new(() => SchemaCatalog.Load(Path.Combine(RepoPaths.Schemas, "traefik")));

    private static readonly Lazy<SchemaCatalog> AllCatalog = new(() => SchemaCatalog.Load(CrdFiles().ToArray()));

    public static SchemaCatalog Traefik => TraefikCatalog.Value;

    public static SchemaCatalog All => AllCatalog.Value;

    /// <summary>Every YAML file under tests/upstream/schemas that may hold CRDs (relative paths, '/'-separated).</summary>
    public static IEnumerable<string> CrdFileNames() =>
        Directory.EnumerateFiles(RepoPaths.Schemas, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetExtension(file) is ".yaml" or ".yml" or ".golden")
            .Select(file => Path.GetRelativePath(RepoPaths.Schemas, file).Replace('\\', '/'))
            .Where(file => !NotCrdSources.Any(excluded => file.StartsWith(excluded + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> CrdFiles() => CrdFileNames().Select(name => Path.Combine(RepoPaths.Schemas, name));
}
