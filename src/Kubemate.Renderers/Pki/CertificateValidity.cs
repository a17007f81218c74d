using System.Text.Json.Serialization;

namespace Kubemate.Renderers.Pki;

[JsonConverter(typeof(JsonStringEnumConverter<PkiRole>))]
public enum PkiRole
{
    TrustAnchor,
    Intermediate,
    Issuer,
}

[JsonConverter(typeof(JsonStringEnumConverter<ValidityState>))]
public enum ValidityState
{
    Valid,
    ExpiringSoon,
    Expired,
    NotYetValid,
}

/// <summary>What one certificate of the mesh PKI is and how long it stays valid.</summary>
public sealed record CertificateValidity(
    PkiRole Role,
    string Subject,
    string SerialNumber,
    string KeyAlgorithm,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    int DaysToExpiry,
    ValidityState State);
