namespace Kubemate.Audit;

/// <summary>
/// The one rule, for <c>serve --audit</c> and the direct commands' <c>--audit</c> alike, telling a PostgreSQL connection
/// string from a SQLite file path, and how a connection string is shown without its secret.
/// </summary>
public static class AuditConnectionStrings
{
    /// <summary>
    /// A connection string is a list of key=value pairs ("Host=db;Database=audit", "Server=db;Port=5432"); a file path
    /// has no '=' before a ';' and is not a lone "Host=..." pair.
    /// </summary>
    public static bool IsPostgres(string text) =>
        text.Contains('=') && (text.Contains(';') || text.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase));

    /// <summary>For messages and logs: every pair except the password.</summary>
    public static string Redacted(string connectionString) => "PostgreSQL " + string.Join(';',
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(pair => !pair.StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
