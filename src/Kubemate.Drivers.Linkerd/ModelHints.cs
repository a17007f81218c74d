using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Preservation;

namespace Kubemate.Drivers.Linkerd;

/// <summary>Reads and writes the Linkerd hints of a model: which of several equivalent object shapes it was read from.</summary>
internal static class ModelHints
{
    public static JsonObject Of(IMeshModel model) => model.Preserved?.Hints(LinkerdNames.Family) ?? [];

    public static string? String(IMeshModel model, string key) => Of(model)[key]?.GetValue<string>();

    public static T With<T>(T model, JsonObject hints) where T : IMeshModel =>
        hints.Count == 0 ? model : (T)model.WithPreserved(PreservedData.Replace(model.Preserved, LinkerdNames.Family, PreservedData.For(LinkerdNames.Family, hints, null)));
}
