using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Validation;
using Kubemate.Renderers;

namespace Kubemate.Modeling.Rendering;

/// <summary>
/// The edge documents (routes, middlewares, TLS policies, edge services and canaries, issuers, certificates) as one
/// edge set, validated together (references resolve inside the set, against the settings' existing objects, or to
/// objects kept verbatim) and rendered by <see cref="EdgeRenderer"/>.
/// </summary>
internal static partial class EdgeLayer
{
    public static LayerOutput Render(ModelSet models, IReadOnlyList<JsonObject> verbatim)
    {
        var output = new LayerOutput();
        var (configuration, origins) = Assemble(models);
        var settings = Settings(models, output);
        if (origins.Values.All(o => o.Count == 0))
        {
            return output;
        }
        var complete = EdgeReferences.WithStandIns(configuration, settings, verbatim);
        foreach (var problem in complete.Validate())
        {
            output.Problems.Add(MapToOrigin(problem, origins, models));
        }
        if (output.Problems.Count > 0)
        {
            return output;
        }
        output.Objects.AddRange(EdgeRenderer.Render(complete)
            .Where(o => !EdgeReferences.IsStandIn(o))
            .Select(o => new RenderedObject(o, "edge set")));
        return output;
    }

    /// <summary>The edge set of the documents and, per list of the set, the origin of each item.</summary>
    public static (EdgeConfiguration Configuration, Dictionary<string, List<string>> Origins) Assemble(ModelSet models)
    {
        var origins = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        IReadOnlyList<T> List<T>(string name)
        {
            var items = models.Of<T>().ToList();
            origins[name] = [.. items.Select(i => i.Origin)];
            return [.. items.Select(i => i.Model)];
        }
        var configuration = new EdgeConfiguration
        {
            DefaultNamespace = MergedSettings(models).DefaultNamespace,
            IngressRoutes = List<IngressRoute>("ingressRoutes"),
            Middlewares = List<Middleware>("middlewares"),
            TlsPolicies = List<TlsPolicy>("tlsPolicies"),
            Services = List<EdgeService>("services"),
            Canaries = List<EdgeCanary>("canaries"),
            Issuers = List<CertificateIssuer>("issuers"),
            Certificates = List<ManagedCertificate>("certificates"),
        };
        return (configuration, origins);
    }

    public static EdgeSettings MergedSettings(ModelSet models) =>
        models.Of<EdgeSettings>().Select(s => s.Model).Aggregate(new EdgeSettings(), (all, next) => all.Merge(next));

    private static EdgeSettings Settings(ModelSet models, LayerOutput output)
    {
        var all = models.Of<EdgeSettings>().ToList();
        foreach (var (settings, origin) in all)
        {
            output.AddProblems(settings.Validate(), origin);
        }
        var namespaces = all.Select(s => s.Model.DefaultNamespace).Where(n => n != "default").Distinct().ToList();
        if (namespaces.Count > 1)
        {
            output.Problems.Add(new(FieldPath.Child(all[^1].Origin, "defaultNamespace"), $"the model file's EdgeSettings disagree on the default namespace ({string.Join(", ", namespaces)})"));
        }
        return MergedSettings(models);
    }

    private static ValidationProblem MapToOrigin(ValidationProblem problem, Dictionary<string, List<string>> origins, ModelSet models)
    {
        var match = ListItemPattern().Match(problem.Path);
        if (match.Success && origins.TryGetValue(match.Groups[1].Value, out var list) && int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < list.Count)
        {
            return problem with { Path = LayerOutput.Prefix(list[index], match.Groups[3].Value.TrimStart('.')) };
        }
        var settingsOrigin = models.Of<EdgeSettings>().Select(s => s.Origin).FirstOrDefault() ?? "EdgeSettings";
        return problem with { Path = LayerOutput.Prefix(settingsOrigin, problem.Path) };
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\](.*)$")]
    private static partial Regex ListItemPattern();
}
