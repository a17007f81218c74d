namespace Kubemate.Testing;

/// <summary>Finds the repository root and the <c>shared/</c> folder that lies beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The shared folder: <c>KUBEMATE_SHARED</c> if set, else <c>../shared</c> beside the repository.</summary>
    public static string Shared
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("KUBEMATE_SHARED");
            var path = string.IsNullOrEmpty(fromEnvironment) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : fromEnvironment;
            if (!Directory.Exists(Path.Combine(path, "schemas")))
            {
                throw new InvalidOperationException($"shared folder with schemas/ not found at {path}; set KUBEMATE_SHARED");
            }
            return path;
        }
    }

    public static string Schemas => Path.Combine(Shared, "schemas");

    public static string Fixtures => Path.Combine(Shared, "fixtures");

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
