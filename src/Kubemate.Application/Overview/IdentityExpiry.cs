using System.Net;
using System.Security.Cryptography.X509Certificates;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Application.Overview;

public enum IdentityExpirySource
{
    /// <summary>The issuer certificate in the Secret the mesh keeps it in (<see cref="MeshConventions.IdentityIssuer"/>).</summary>
    IssuerSecret,
    /// <summary>The earliest proxy certificate expiry reported by the proxies' metrics.</summary>
    ProxyMetrics,
    /// <summary>The user may not read the Secret and no metric reports it.</summary>
    NotVisible,
}

/// <summary>When the mesh identity expires, and where Kubemate learnt it.</summary>
public sealed record IdentityExpiry(IdentityExpirySource Source, DateTimeOffset? NotAfter)
{
    /// <summary>Expiring within this long is a warning on the overview.</summary>
    public static readonly TimeSpan WarnWithin = TimeSpan.FromDays(30);

    public bool ExpiresSoon(DateTimeOffset now) => NotAfter is { } at && at - now < WarnWithin;

    /// <summary>
    /// The issuer Secret read as the user when allowed (the mesh's locations in order), else the proxies' expiry
    /// metric when the mesh has one, else not visible.
    /// </summary>
    public static async Task<IdentityExpiry> ReadAsync(ClusterApi api, MeshConventions mesh, ITelemetryBackend metrics, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var location in mesh.IdentityIssuer)
        {
            try
            {
                var secret = await api.GetObjectOrNullAsync(BuiltInTypes.Secret, location.Namespace, location.Secret, cancellationToken).ConfigureAwait(false);
                if ((string?)secret?["data"]?[location.Key] is { Length: > 0 } pem)
                {
                    return new IdentityExpiry(IdentityExpirySource.IssuerSecret, FromPem(Convert.FromBase64String(pem)));
                }
            }
            catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Forbidden)
            {
                // Not the user's to read: try the next place, then what the proxies report.
            }
        }
        if (mesh.Telemetry.IdentityExpiryMetric is not { } metric)
        {
            return new IdentityExpiry(IdentityExpirySource.NotVisible, null);
        }
        var result = await metrics.QueryAsync(new MetricQuery(metric, QueryFunctionKind.Latest, TimeSpan.FromMinutes(5), [], ["namespace", "pod"]),
            QueryTime.Instant(now), cancellationToken).ConfigureAwait(false);
        var earliest = (result.Value ?? []).Select(s => s.Last).Where(v => v > 0 && !double.IsNaN(v)).DefaultIfEmpty().Min();
        return earliest > 0
            ? new IdentityExpiry(IdentityExpirySource.ProxyMetrics, DateTimeOffset.FromUnixTimeMilliseconds((long)(earliest * 1000)))
            : new IdentityExpiry(IdentityExpirySource.NotVisible, null);
    }

    public static DateTimeOffset FromPem(byte[] pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(pem));
        return new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
    }
}
