using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Model.Edge.Pki;
using Kubemate.Modeling;
using Kubemate.Modeling.Rendering;
using Kubemate.Renderers.Pki;

namespace Kubemate.Commands.Families;

/// <summary>
/// <c>render pki</c>: the mesh identity issuer secret and trust roots — freshly generated, or from an issuer the
/// enterprise CA signed (<c>--issuer-cert</c>, <c>--issuer-key</c>, <c>--trust-anchors</c>).
/// </summary>
internal sealed class PkiFamily : IRenderFamily
{
    private readonly Option<string?> _trustDomain = Flags.Text("--trust-domain", "The mesh's trust domain (default: cluster.local)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "The mesh control plane's namespace (default: linkerd)", "-n");
    private readonly Option<int?> _anchorDays = Flags.Integer("--anchor-validity-days", "Lifetime of a generated trust anchor (default: 3650)", 1, 36500);
    private readonly Option<int?> _issuerDays = Flags.Integer("--issuer-validity-days", "Lifetime of a generated issuer (default: 365)", 1, 36500);
    private readonly Option<FileInfo?> _anchorKeyOut = Flags.File("--anchor-key-out", "Write the generated trust anchor's private key to this file (keep it offline; it is never rendered)");
    private readonly Option<FileInfo?> _trustAnchors = Flags.File("--trust-anchors", "PEM file of the trust anchors (with --issuer-cert and --issuer-key)");
    private readonly Option<FileInfo?> _issuerCert = Flags.File("--issuer-cert", "PEM file of the issuer certificate, then any intermediates");
    private readonly Option<FileInfo?> _issuerKey = Flags.File("--issuer-key", "PEM file of the issuer's private key");

    public string Name => "pki";

    public string Description => "The mesh identity PKI: issuer secret and trust roots (generated, or signed by the enterprise CA)";

    public IReadOnlyList<Option> Options => [_trustDomain, _namespace, _anchorDays, _issuerDays, _anchorKeyOut, _trustAnchors, _issuerCert, _issuerKey];

    public FamilyModels Build(FlagReader flags)
    {
        var defaults = new MeshIdentityPkiSpec();
        var spec = new MeshIdentityPkiSpec
        {
            TrustDomain = flags.Text(_trustDomain, defaults.TrustDomain),
            ControlPlaneNamespace = flags.Text(_namespace, defaults.ControlPlaneNamespace),
            TrustAnchorValidityDays = flags.Value(_anchorDays, defaults.TrustAnchorValidityDays),
            IssuerValidityDays = flags.Value(_issuerDays, defaults.IssuerValidityDays),
        };
        var material = new[] { _trustAnchors, _issuerCert, _issuerKey };
        var given = material.Where(flags.IsGiven).ToList();
        if (given.Count == 0)
        {
            return new(ModelSet.FromModels(Name, spec)) { TrustAnchorKeyFile = flags.Value(_anchorKeyOut)?.FullName };
        }
        if (given.Count < material.Length)
        {
            flags.Problems.Add(new(string.Join(", ", material.Except(given).Select(o => o.Name)), $"required with {string.Join(", ", given.Select(o => o.Name))}: give the trust anchors, the issuer certificate and its key together"));
            return new(ModelSet.Empty);
        }
        if (flags.IsGiven(_anchorKeyOut))
        {
            flags.Problems.Add(new(_anchorKeyOut.Name, "nothing to write: the trust anchor is given, not generated"));
        }
        var credentials = new MeshIdentityCredentials(Read(flags, _trustAnchors), Read(flags, _issuerCert), Read(flags, _issuerKey));
        return new(ModelSet.FromModels(Name, new ProvidedMeshPki(spec, credentials)));
    }

    private static string Read(FlagReader flags, Option<FileInfo?> option)
    {
        if (flags.Value(option) is not { } file)
        {
            return "";
        }
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            flags.Problems.Add(new(option.Name, $"cannot read '{file}': {ex.Message}"));
            return "";
        }
    }
}
