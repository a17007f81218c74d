using Kubemate.Application.Meshes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;
using Kubemate.Modeling;
using Kubemate.Modeling.Rendering;

namespace Kubemate.Application.Modeling;

/// <summary>
/// Renders models into Kubernetes objects: model files read (every problem of every document reported), the mesh
/// chosen (the caller's, else the files' <see cref="MeshSettings"/>, else the default), and the set rendered through
/// a driver of the one catalog and the renderers. Nothing reaches a cluster; the CLI's <c>render</c> verb calls it,
/// and the REST API or the console can offer the same.
/// </summary>
public sealed class ModelRendering(MeshDriverRegistry drivers, TimeProvider time)
{
    /// <summary>With the drivers Kubemate ships and the system clock.</summary>
    public ModelRendering()
        : this(MeshCatalog.Shipped, TimeProvider.System)
    {
    }

    public static string DefaultMesh => MeshCatalog.DefaultProvider;

    /// <summary>The mesh providers models can be rendered for, in ordinal order.</summary>
    public IReadOnlyList<string> Meshes { get; } = [.. drivers.Providers.Order(StringComparer.Ordinal)];

    public bool IsMesh(string provider) => drivers.IsRegistered(provider);

    /// <summary>The models of the files, in file and document order, and the mesh they are for.</summary>
    public ModelFiles Read(IReadOnlyList<SourceText> files)
    {
        var models = ModelSet.Empty;
        var problems = new List<ValidationProblem>();
        foreach (var file in files)
        {
            var (read, readProblems) = ModelFileReader.Read(file.Text, file.Name);
            problems.AddRange(readProblems);
            models = models.Concat(read);
        }
        var mesh = MeshChoice.Choose(models, drivers, DefaultMesh, problems);
        return new ModelFiles(models, problems, mesh);
    }

    /// <summary>The objects of the models, or (never both) every problem found; a mesh that is not offered is one.</summary>
    public RenderResult Render(ModelSet models, RenderOptions options)
    {
        var mesh = options.Mesh ?? DefaultMesh;
        if (!IsMesh(mesh))
        {
            return RenderResult.Failed([new("mesh", $"'{mesh}' is not a mesh (one of {MeshChoice.Known(drivers)})")]);
        }
        return ModelSetRenderer.Render(models, new RenderSettings
        {
            Mesh = drivers.Create(mesh),
            IntentMeshLayer = options.IntentMeshLayer,
            IntentNetworkLayer = options.IntentNetworkLayer,
            Time = time,
        });
    }
}

/// <summary>What model files hold: the models, the problems of their documents, and the mesh they name (or the default).</summary>
public sealed record ModelFiles(ModelSet Models, IReadOnlyList<ValidationProblem> Problems, string Mesh);

/// <summary>How a model set is rendered.</summary>
public sealed record RenderOptions
{
    /// <summary>The mesh provider for mesh models; null is the default.</summary>
    public string? Mesh { get; init; }

    /// <summary>Render access intents through the mesh driver (mesh authorization).</summary>
    public bool IntentMeshLayer { get; init; } = true;

    /// <summary>Also render every access intent as a NetworkPolicy (the L3/L4 layer).</summary>
    public bool IntentNetworkLayer { get; init; }
}
