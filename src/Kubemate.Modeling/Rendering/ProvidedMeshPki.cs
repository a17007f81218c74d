using Kubemate.Model.Edge.Pki;
using Kubemate.Renderers.Pki;

namespace Kubemate.Modeling.Rendering;

/// <summary>Mesh identity material that exists already (made earlier, or an issuer the enterprise CA signed), to render rather than generate.</summary>
public sealed record ProvidedMeshPki(MeshIdentityPkiSpec Spec, MeshIdentityCredentials Credentials);
