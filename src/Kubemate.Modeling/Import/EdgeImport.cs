using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Kube;
using Kubemate.Model.Validation;
using Kubemate.Modeling.Rendering;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Modeling.Import;

/// <summary>
/// Reads the edge gateway's objects into edge models. An object becomes a model only when the model is valid and
/// writes it back field for field; references to objects that are not among those read are recorded as existing in
/// the cluster; the rest is kept verbatim with the reason.
/// </summary>
internal static partial class EdgeImport
{
    private static readonly string[] ModelledKinds = [TraefikApi.IngressRouteKind, TraefikApi.MiddlewareKind, TraefikApi.TlsOptionKind, TraefikApi.TraefikServiceKind];

    public sealed record Item(object Model, JsonObject Source, int Position);

    public sealed record Outcome(IReadOnlyList<Item> Models, IReadOnlyList<(JsonObject Object, int Position, string Reason)> Kept, EdgeSettings AssumedToExist);

    public static bool IsModelled(JsonObject obj) =>
        KubeJson.ApiVersion(obj) == TraefikApi.ApiVersion && ModelledKinds.Contains(KubeJson.Kind(obj));

    /// <param name="objects">The edge objects with their positions in the input.</param>
    /// <param name="verbatim">Every other object that will be kept verbatim (references may name them).</param>
    public static Outcome Import(IReadOnlyList<(JsonObject Object, int Position)> objects, IReadOnlyList<JsonObject> verbatim)
    {
        var items = Read(objects);
        var kept = new List<(JsonObject Object, int Position, string Reason)>();
        foreach (var item in items.Where(i => !WritesBack(i)).ToList())
        {
            items.Remove(item);
            kept.Add((item.Source, item.Position, "the edge model would not write it back unchanged"));
        }
        while (true)
        {
            var outside = verbatim.Concat(kept.Select(k => k.Object)).ToList();
            var configuration = Configuration(items);
            var assumed = EdgeReferences.Unresolved(configuration, new EdgeSettings(), outside);
            var complete = EdgeReferences.WithStandIns(configuration, assumed, outside);
            var invalid = complete.Validate()
                .Select(p => (Item: Locate(p, configuration, items), Problem: p))
                .Where(x => x.Item is not null)
                .GroupBy(x => x.Item!, x => x.Problem)
                .ToList();
            if (invalid.Count == 0)
            {
                return new(items, kept, assumed);
            }
            foreach (var group in invalid)
            {
                items.Remove(group.Key);
                kept.Add((group.Key.Source, group.Key.Position, "not a valid edge model: " + string.Join("; ", group.Select(Describe))));
            }
        }
    }

    private static List<Item> Read(IReadOnlyList<(JsonObject Object, int Position)> objects)
    {
        var configuration = TraefikReader.Read(objects.Select(o => o.Object));
        IEnumerable<Item> Zip<T>(IReadOnlyList<T> models, string kind) where T : class =>
            models.Zip(objects.Where(o => KubeJson.Kind(o.Object) == kind), (m, o) => new Item(m, o.Object, o.Position));
        return
        [
            .. Zip(configuration.IngressRoutes, TraefikApi.IngressRouteKind)
                .Concat(Zip(configuration.Middlewares, TraefikApi.MiddlewareKind))
                .Concat(Zip(configuration.TlsPolicies, TraefikApi.TlsOptionKind))
                .Concat(Zip(configuration.Services, TraefikApi.TraefikServiceKind))
                .OrderBy(i => i.Position),
        ];
    }

    private static bool WritesBack(Item item)
    {
        var written = TraefikWriter.Write(Configuration([item]));
        return written.Count == 1 && JsonNode.DeepEquals(written[0], item.Source);
    }

    private static EdgeConfiguration Configuration(IReadOnlyList<Item> items) => new()
    {
        IngressRoutes = [.. items.Select(i => i.Model).OfType<IngressRoute>()],
        Middlewares = [.. items.Select(i => i.Model).OfType<Middleware>()],
        TlsPolicies = [.. items.Select(i => i.Model).OfType<TlsPolicy>()],
        Services = [.. items.Select(i => i.Model).OfType<EdgeService>()],
    };

    private static Item? Locate(ValidationProblem problem, EdgeConfiguration configuration, IReadOnlyList<Item> items)
    {
        var match = ListItemPattern().Match(problem.Path);
        if (!match.Success)
        {
            return null;
        }
        var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        object? model = match.Groups[1].Value switch
        {
            "ingressRoutes" => configuration.IngressRoutes.ElementAtOrDefault(index),
            "middlewares" => configuration.Middlewares.ElementAtOrDefault(index),
            "tlsPolicies" => configuration.TlsPolicies.ElementAtOrDefault(index),
            "services" => configuration.Services.ElementAtOrDefault(index),
            _ => null,
        };
        return model is null ? null : items.FirstOrDefault(i => ReferenceEquals(i.Model, model));
    }

    /// <summary>A problem of one item, with the path inside that item (the list position in the set means nothing to the user).</summary>
    private static string Describe(ValidationProblem problem)
    {
        var rest = ListItemPattern().Replace(problem.Path, "").TrimStart('.');
        return rest.Length == 0 ? problem.Reason : $"{rest}: {problem.Reason}";
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]")]
    private static partial Regex ListItemPattern();
}
