using System.Net;
using Kubemate.Host.Listening;
using Kubemate.Model.Drivers;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Options;

/// <summary>
/// Checks the host's options when the host starts (<c>ValidateOnStart</c>): a bad option stops the start with a
/// message naming the option and the reason, before the listener binds or the cluster is called.
/// </summary>
internal sealed class KubemateHostOptionsValidator(MeshDriverRegistry drivers) : IValidateOptions<KubemateHostOptions>
{
    private static readonly string[] ClusterModes = ["sandbox", "kubeconfig", "in-cluster"];
    private static readonly string[] UserSources = ["sandbox", "token-file"];

    public ValidateOptionsResult Validate(string? name, KubemateHostOptions options)
    {
        var failures = new List<string>();
        if (!IsListenAddress(options.ListenAddress))
        {
            failures.Add($"listenAddress: \"{options.ListenAddress}\" is not an IP address or localhost");
        }
        else if (!ListenScope.IsLoopback(options.ListenAddress) && options.Tls is null && !options.InsecureListen)
        {
            failures.Add($"listenAddress: {options.ListenAddress} is not a loopback address: serve TLS (--tls-cert, --tls-key) or say --insecure-listen");
        }
        if (options.Tls is { } tls)
        {
            try
            {
                ReloadingCertificate.Load(tls).Dispose();
            }
            catch (InvalidOperationException error)
            {
                failures.Add($"tls: {error.Message}");
            }
        }
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"port: {options.Port} is not from 0 to 65535");
        }
        if (string.IsNullOrWhiteSpace(options.ClusterName))
        {
            failures.Add("clusterName: is required");
        }
        if (!ClusterModes.Contains(options.ClusterMode, StringComparer.Ordinal))
        {
            failures.Add($"clusterMode: \"{options.ClusterMode}\" is not one of {string.Join(", ", ClusterModes)}");
        }
        if (!drivers.IsRegistered(options.MeshProvider))
        {
            failures.Add($"meshProvider: \"{options.MeshProvider}\" is not one of {string.Join(", ", drivers.Providers.Order(StringComparer.Ordinal))}");
        }
        if (!UserSources.Contains(options.UsersSource, StringComparer.Ordinal))
        {
            failures.Add($"usersSource: \"{options.UsersSource}\" is not one of {string.Join(", ", UserSources)}");
        }
        foreach (var duplicate in options.Users.GroupBy(u => u.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"users: \"{duplicate.Key}\" is listed {duplicate.Count()} times");
        }
        // prometheusUrl is checked with the telemetry options it becomes (TelemetryHostOptionsValidator).
        if (options.Oidc is { } oidc)
        {
            if (!Uri.TryCreate(oidc.Issuer, UriKind.Absolute, out var issuer) || !IsHttpUrl(issuer))
            {
                failures.Add($"oidc.issuer: \"{oidc.Issuer}\" must be an absolute http or https URL");
            }
            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("oidc.clientId: is required");
            }
        }
        failures.AddRange(RequestLimitsValidation.Check(options.Limits));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Kestrel binds addresses, not names: a host name other than localhost would bind every interface.
    private static bool IsListenAddress(string address) =>
        IPAddress.TryParse(address, out _) || string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase);

    private static bool IsHttpUrl(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
