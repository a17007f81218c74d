using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Certificates;

/// <summary>A certificate cert-manager keeps issued and renewed in a Secret (always an ECDSA P-256 key).</summary>
public sealed record ManagedCertificate : IValidatable
{
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinimumRenewBefore = TimeSpan.FromMinutes(5);

    public required EdgeObjectMeta Metadata { get; init; }

    public required string SecretName { get; init; }

    public required IReadOnlyList<string> DnsNames { get; init; }

    public required IssuerReference IssuerRef { get; init; }

    /// <summary>Lifetime as a duration (<c>2160h</c> = 90 days); the issuer's default when null.</summary>
    public string? Duration { get; init; }

    /// <summary>How long before expiry to renew (<c>360h</c> = 15 days); cert-manager's default (a third of the lifetime) when null.</summary>
    public string? RenewBefore { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        problems.AddRange(EdgeChecks.ObjectName(FieldPath.Child(path, "secretName"), SecretName));
        var namesPath = FieldPath.Child(path, "dnsNames");
        if (DnsNames.Count == 0)
        {
            problems.Add(new(namesPath, "at least one DNS name is required"));
        }
        for (var i = 0; i < DnsNames.Count; i++)
        {
            problems.AddRange(EdgeChecks.HostName(FieldPath.Index(namesPath, i), DnsNames[i], allowWildcard: true));
        }
        problems.AddRange(EdgeChecks.Unique(namesPath, DnsNames, n => $"DNS name \"{n}\"", StringComparer.OrdinalIgnoreCase));
        problems.AddRange(IssuerRef.Validate(FieldPath.Child(path, "issuerRef")));
        problems.AddRange(Lifetime(path));
        return problems;
    }

    private IEnumerable<ValidationProblem> Lifetime(string path)
    {
        var durationPath = FieldPath.Child(path, "duration");
        var renewPath = FieldPath.Child(path, "renewBefore");
        TimeSpan duration = default, renewBefore = default;
        if (Duration is not null && !EdgeSyntax.TryParseGoDuration(Duration, out duration))
        {
            yield return new(durationPath, $"\"{Duration}\" is not a duration (example: 2160h)");
        }
        else if (Duration is not null && duration < MinimumDuration)
        {
            yield return new(durationPath, $"{Duration} is shorter than cert-manager's minimum of 1h");
        }
        if (RenewBefore is not null && !EdgeSyntax.TryParseGoDuration(RenewBefore, out renewBefore))
        {
            yield return new(renewPath, $"\"{RenewBefore}\" is not a duration (example: 360h)");
        }
        else if (RenewBefore is not null && renewBefore < MinimumRenewBefore)
        {
            yield return new(renewPath, $"{RenewBefore} is shorter than cert-manager's minimum of 5m");
        }
        else if (RenewBefore is not null && Duration is not null && duration > TimeSpan.Zero && renewBefore >= duration)
        {
            yield return new(renewPath, $"{RenewBefore} is not shorter than the duration {Duration}: the certificate would be renewed forever");
        }
    }
}
