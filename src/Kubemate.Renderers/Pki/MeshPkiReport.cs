using Kubemate.Model.Validation;

namespace Kubemate.Renderers.Pki;

/// <summary>The verdict on mesh identity material: each certificate's validity, what is wrong (blocks rendering) and what is merely close to expiry.</summary>
public sealed record MeshPkiReport(
    IReadOnlyList<CertificateValidity> Certificates,
    IReadOnlyList<ValidationProblem> Problems,
    IReadOnlyList<string> Warnings)
{
    public bool IsValid => Problems.Count == 0;
}
