namespace Kubemate.Testing;

/// <summary>Finds the repository root and the upstream test data vendored in it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>
    /// The upstream data the tests read (CRD schemas and fixtures), vendored in <c>tests/upstream</c> with their
    /// SOURCES.md, so that a clone of the repository alone runs every test.
    /// </summary>
    public static string Upstream => Path.Combine(Root, "tests", "upstream");

    public static string Schemas => Path.Combine(Upstream, "schemas");

    public static string Fixtures => Path.Combine(Upstream, "fixtures");

    private static string FindRoot()
    {
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KubemateRepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Kubemate.slnx")))
        {
            return Path.TrimEndingDirectorySeparator(recorded);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kubemate.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (Kubemate.slnx) not found above " + AppContext.BaseDirectory);
    }
}
