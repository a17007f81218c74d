using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Preservation;

namespace Kubemate.Drivers.Istio;

/// <summary>Reads and writes the Istio hints of a model.</summary>
internal static class ModelHints
{
    public static JsonObject Of(IMeshModel model) => model.Preserved?.Hints(IstioNames.Family) ?? [];

    public static T With<T>(T model, JsonObject hints) where T : IMeshModel =>
        hints.Count == 0 ? model : (T)model.WithPreserved(PreservedData.Replace(model.Preserved, IstioNames.Family, PreservedData.For(IstioNames.Family, hints, null)));
}
