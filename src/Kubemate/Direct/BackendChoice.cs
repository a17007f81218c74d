using System.CommandLine;
using Kubemate.Audit.Trust;
using Kubemate.Model.Validation;
using Kubemate.CommandLine;
using Kubemate.Remote;

namespace Kubemate.Direct;

/// <summary>Reads the connection flags and opens the backend they choose; usage problems are collected, not thrown.</summary>
public static class BackendChoice
{
    public const string ServerVariable = "KUBEMATE_SERVER";
    public const string TokenVariable = "KUBEMATE_TOKEN";

    /// <summary>The chosen backend, unopened: the caller checks <see cref="FlagReader.Problems"/> first.</summary>
    public static Func<IOperationsBackend>? Read(FlagReader flags, ConnectionFlags connection) => Read(flags, connection, out _);

    /// <param name="server">Whether the operations go to a server (flags that only direct mode uses are then problems).</param>
    public static Func<IOperationsBackend>? Read(FlagReader flags, ConnectionFlags connection, out bool server)
    {
        var serverUrl = flags.Value(connection.Server)?.ToString() ?? NonEmpty(Environment.GetEnvironmentVariable(ServerVariable));
        server = serverUrl is not null;
        var token = flags.Value(connection.Token) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable));
        var kubeconfig = flags.Value(connection.Kubeconfig)?.FullName;
        var context = flags.Value(connection.Context);
        var audit = flags.Value(connection.Audit);
        if (serverUrl is null)
        {
            if (token is not null && flags.IsGiven(connection.Token))
            {
                flags.Problems.Add(new ValidationProblem(connection.Token.Name, "is only used with --server (or KUBEMATE_SERVER)"));
            }
            var trust = flags.Value(connection.AuditTrust.Trust) ?? AuditTrustFlags.File;
            var trustNamespace = flags.Value(connection.AuditTrust.Namespace);
            if (trustNamespace is not null && trust != AuditTrustFlags.Secret)
            {
                flags.Problems.Add(new ValidationProblem(connection.AuditTrust.Namespace.Name, "applies to --audit-trust secret only"));
            }
            var location = LocalAuditLocation.Resolve(audit) with
            {
                ClusterTrustNamespace = trust == AuditTrustFlags.Secret ? trustNamespace ?? KubernetesAuditTrust.DefaultNamespace : null,
            };
            return () => new DirectBackend(kubeconfig, context, location);
        }
        if (!Uri.TryCreate(serverUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            flags.Problems.Add(new ValidationProblem(flags.IsGiven(connection.Server) ? connection.Server.Name : ServerVariable, $"'{serverUrl}' is not an http(s) URL"));
            return null;
        }
        foreach (var directOnly in connection.DirectOnly.Where(flags.IsGiven))
        {
            flags.Problems.Add(new ValidationProblem(directOnly.Name, "applies to direct mode only; the server uses its own cluster and audit store"));
        }
        return () => new ServerBackend(url, token);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
