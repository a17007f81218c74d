using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary><c>render certificate</c>: a cert-manager Certificate kept issued and renewed in a secret.</summary>
internal sealed class CertificateFamily : IRenderFamily
{
    private static readonly string[] IssuerKinds = [IssuerReference.ClusterIssuerKind, IssuerReference.IssuerKind];

    private readonly Option<string?> _name = Flags.Text("--name", "Name of the certificate").Required();
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the certificate and its secret (default: default)", "-n");
    private readonly Option<string?> _secret = Flags.Text("--secret", "Secret the certificate is written to (default: the certificate's name)");
    private readonly Option<string[]> _dnsNames = Flags.Many("--dns-name", "DNS name the certificate is for; repeatable").Required();
    private readonly Option<string?> _issuer = Flags.Text("--issuer", "Name of the cert-manager issuer that signs it").Required();
    private readonly Option<string?> _issuerKind = Flags.Choice("--issuer-kind", "ClusterIssuer (default) or Issuer", IssuerKinds);
    private readonly Option<string?> _duration = Flags.Text("--duration", "Lifetime, e.g. 2160h (default: the issuer's)");
    private readonly Option<string?> _renewBefore = Flags.Text("--renew-before", "Renew this long before expiry, e.g. 360h");

    public string Name => "certificate";

    public string Description => "A cert-manager Certificate (ECDSA P-256, key rotated on renewal)";

    public IReadOnlyList<Option> Options => [_name, _namespace, _secret, _dnsNames, _issuer, _issuerKind, _duration, _renewBefore];

    public FamilyModels Build(FlagReader flags)
    {
        var name = flags.Text(_name, "");
        var certificate = new ManagedCertificate
        {
            Metadata = EdgeObjectMeta.Named(name, flags.Text(_namespace, "default")),
            SecretName = flags.Text(_secret, name),
            DnsNames = flags.List(_dnsNames),
            IssuerRef = new IssuerReference
            {
                Name = flags.Text(_issuer, ""),
                Kind = flags.Text(_issuerKind, IssuerReference.ClusterIssuerKind),
            },
            Duration = flags.Value(_duration),
            RenewBefore = flags.Value(_renewBefore),
        };
        return new(ModelSet.FromModels(Name, certificate))
        {
            FlagPaths = new Dictionary<string, string>
            {
                ["metadata.name"] = _name.Name,
                ["metadata.namespace"] = _namespace.Name,
                ["secretName"] = _secret.Name,
                ["dnsNames"] = _dnsNames.Name,
                ["issuerRef.name"] = _issuer.Name,
                ["issuerRef.kind"] = _issuerKind.Name,
                ["duration"] = _duration.Name,
                ["renewBefore"] = _renewBefore.Name,
            },
        };
    }
}
