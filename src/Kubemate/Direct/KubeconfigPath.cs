namespace Kubemate.Direct;

/// <summary>Which kubeconfig a direct command reads: the flag, else the first entry of <c>KUBECONFIG</c>, else <c>~/.kube/config</c> (as kubectl).</summary>
public static class KubeconfigPath
{
    public static string Resolve(string? flag)
    {
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fromEnvironment ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }
}
