using Kubemate.Modeling.Import;

namespace Kubemate.Commands;

/// <summary>What import tells the user on standard error: what became which model, what was kept verbatim and why, and what it assumes exists.</summary>
public static class ImportSummary
{
    public static void Write(TextWriter error, ImportResult result, int objectCount, string? target)
    {
        var meshKinds = result.MeshModels.GroupBy(m => m.ModelKind).Select(g => $"{g.Count()} {g.Key}");
        error.WriteLine($"imported {objectCount} object{(objectCount == 1 ? "" : "s")} with the {result.MeshProvider} driver: "
            + $"{result.MeshModels.Count} mesh model{(result.MeshModels.Count == 1 ? "" : "s")}{(result.MeshModels.Count > 0 ? $" ({string.Join(", ", meshKinds)})" : "")}, "
            + $"{result.EdgeModelCount} edge model{(result.EdgeModelCount == 1 ? "" : "s")}, {result.Verbatim.Count} kept verbatim"
            + (target is null or "-" ? "" : $"; model written to {target}"));
        foreach (var kept in result.Verbatim)
        {
            error.WriteLine($"  verbatim {Model.Drivers.ObjectIdentity.Of(kept.Object)}: {kept.Reason}");
        }
        var assumed = result.AssumedToExist;
        foreach (var (list, what) in new[] { (assumed.ExistingSecrets, "secret"), (assumed.ExistingMiddlewares, "middleware"), (assumed.ExistingTlsPolicies, "TLS option"), (assumed.ExistingServices, "edge service") })
        {
            foreach (var name in list)
            {
                error.WriteLine($"  assumed to exist in the cluster (EdgeSettings): {what} {name}");
            }
        }
        foreach (var difference in result.NotReproduced)
        {
            error.WriteLine($"warning: rendering the model would not give the input back: {difference}");
        }
        error.Flush();
    }
}
