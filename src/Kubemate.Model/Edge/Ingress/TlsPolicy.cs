using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>TLS settings for the edge (TLSOption): protocol versions, cipher suites, strict SNI.</summary>
public sealed record TlsPolicy : IValidatable
{
    public static readonly IReadOnlyList<string> Versions = ["VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13"];

    /// <summary>AEAD suites with forward secrecy; TLS 1.3 suites are not configurable and always on.</summary>
    public static readonly IReadOnlyList<string> HardenedCipherSuites =
    [
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    ];

    /// <summary>Every TLS 1.0–1.2 suite name the edge (Go's crypto/tls) accepts.</summary>
    public static readonly IReadOnlySet<string> KnownCipherSuites = new HashSet<string>(StringComparer.Ordinal)
    {
        "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
        "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
    };

    public required EdgeObjectMeta Metadata { get; init; }

    public string? MinVersion { get; init; }

    public string? MaxVersion { get; init; }

    public IReadOnlyList<string>? CipherSuites { get; init; }

    public IReadOnlyList<string>? CurvePreferences { get; init; }

    public bool? SniStrict { get; init; }

    /// <summary>Fields of the object the model does not understand (client authentication, ALPN …), by their place in the object.</summary>
    public JsonObject? UnknownFields { get; init; }

    /// <summary>The policy a bank's edge starts from: TLS 1.2 at least, strict SNI, forward-secret AEAD suites only.</summary>
    public static TlsPolicy Hardened(string name = "default", string? @namespace = null) => new()
    {
        Metadata = EdgeObjectMeta.Named(name, @namespace),
        MinVersion = "VersionTLS12",
        SniStrict = true,
        CipherSuites = HardenedCipherSuites,
        CurvePreferences = ["X25519", "CurveP256", "CurveP384"],
    };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        var min = CheckVersion(FieldPath.Child(path, "minVersion"), MinVersion, problems);
        var max = CheckVersion(FieldPath.Child(path, "maxVersion"), MaxVersion, problems);
        if (min is < 2)
        {
            problems.Add(new(FieldPath.Child(path, "minVersion"), $"{MinVersion} is deprecated (RFC 8996): use VersionTLS12 or VersionTLS13"));
        }
        if (min is not null && max is not null && min > max)
        {
            problems.Add(new(FieldPath.Child(path, "maxVersion"), $"{MaxVersion} is lower than minVersion {MinVersion}"));
        }
        var suitesPath = FieldPath.Child(path, "cipherSuites");
        for (var i = 0; i < (CipherSuites?.Count ?? 0); i++)
        {
            if (!KnownCipherSuites.Contains(CipherSuites![i]))
            {
                problems.Add(new(FieldPath.Index(suitesPath, i), $"\"{CipherSuites[i]}\" is not a known cipher suite"));
            }
        }
        problems.AddRange(EdgeChecks.Unique(suitesPath, CipherSuites ?? [], s => $"cipher suite {s}"));
        return problems;
    }

    private static int? CheckVersion(string path, string? version, List<ValidationProblem> problems)
    {
        if (version is null)
        {
            return null;
        }
        var index = Versions.ToList().IndexOf(version);
        if (index < 0)
        {
            problems.Add(new(path, $"\"{version}\" is not a TLS version ({string.Join(", ", Versions)})"));
            return null;
        }
        return index;
    }
}
