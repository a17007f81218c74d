namespace Kubemate.Model.Validation;

/// <summary>HTTP method names and which of them are idempotent (safe to retry, RFC 9110 §9.2.2).</summary>
public static class HttpMethods
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    };

    public static readonly IReadOnlySet<string> Idempotent = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE",
    };

    public static IEnumerable<ValidationProblem> Method(string? method, string path)
    {
        if (method is null || !All.Contains(method))
        {
            yield return new(path, $"'{method}' is not an HTTP method (one of {string.Join(", ", All)}, upper case)");
        }
    }
}
