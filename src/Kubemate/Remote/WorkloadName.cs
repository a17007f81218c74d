namespace Kubemate.Remote;

/// <summary>A workload as the user names it: <c>deployment/orders</c>, or a bare <c>orders</c> (a Deployment).</summary>
public sealed record WorkloadName(string Kind, string Name)
{
    private static readonly string[] Kinds = ["Deployment", "StatefulSet", "DaemonSet"];

    public static string KnownKinds => string.Join(", ", Kinds.Select(k => k.ToLowerInvariant()));

    /// <summary>Parses the flag value; null and an error (naming no flag, the caller does) when it is not a workload.</summary>
    public static WorkloadName? TryParse(string text, out string? error)
    {
        error = null;
        var slash = text.IndexOf('/');
        var (kindText, name) = slash < 0 ? ("deployment", text) : (text[..slash], text[(slash + 1)..]);
        var kind = Kinds.FirstOrDefault(k => string.Equals(k, kindText, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k + "s", kindText, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            error = $"'{kindText}' is not a workload kind (one of {KnownKinds})";
            return null;
        }
        if (name.Length == 0 || name.Contains('/'))
        {
            error = $"'{text}' is not KIND/NAME or NAME";
            return null;
        }
        return new WorkloadName(kind, name);
    }

    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name}";
}
