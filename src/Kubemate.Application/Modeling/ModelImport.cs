using System.Diagnostics.CodeAnalysis;
using Kubemate.Application.Meshes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;
using Kubemate.Modeling;
using Kubemate.Modeling.Import;

namespace Kubemate.Application.Modeling;

/// <summary>
/// Turns Kubernetes objects into the model file that renders them back: edge objects as edge models, mesh objects
/// as mesh models (read by a driver of the one catalog), everything else verbatim. Bad input gives every problem and
/// no model. The CLI's <c>import</c> verb calls it.
/// </summary>
public sealed class ModelImport(MeshDriverRegistry drivers)
{
    /// <summary>With the drivers Kubemate ships.</summary>
    public ModelImport()
        : this(MeshCatalog.Shipped)
    {
    }

    /// <param name="objects">YAML or JSON texts of objects (Lists expanded).</param>
    /// <param name="mesh">The mesh provider whose driver reads mesh objects; null is the default.</param>
    /// <param name="field">What <paramref name="objects"/> are called in problems about all of them together.</param>
    public ModelImportResult Import(IReadOnlyList<SourceText> objects, string? mesh, string field = "objects")
    {
        var provider = mesh ?? MeshCatalog.DefaultProvider;
        var problems = new List<ValidationProblem>();
        if (!drivers.IsRegistered(provider))
        {
            problems.Add(new("mesh", $"'{provider}' is not a mesh (one of {MeshChoice.Known(drivers)})"));
        }
        var parsed = ObjectInput.Parse(objects, field, problems);
        if (problems.Count > 0)
        {
            return new ModelImportResult(null, "", parsed.Count, problems);
        }
        var imported = ObjectImporter.Import(parsed, drivers.Create(provider));
        return new ModelImportResult(imported, ModelFileWriter.Write(imported.Models), parsed.Count, []);
    }
}

/// <summary>The import and the model file written from it, or (never both) the problems of the input.</summary>
public sealed record ModelImportResult(ImportResult? Imported, string ModelFile, int ObjectCount, IReadOnlyList<ValidationProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Imported))]
    public bool Succeeded => Imported is not null;
}
