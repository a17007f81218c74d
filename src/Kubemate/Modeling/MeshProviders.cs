using Kubemate.Application.Meshes;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>The CLI's <c>--mesh</c> over the one driver catalog, and which driver a model file was imported with.</summary>
public static class MeshProviders
{
    public const string Default = MeshCatalog.DefaultProvider;

    public static MeshDriverRegistry Registry => MeshCatalog.Shipped;

    public static string Known => string.Join(", ", Registry.Providers.Order(StringComparer.Ordinal));

    public static bool IsKnown(string provider) => Registry.IsRegistered(provider);

    public static IMeshDriver Create(string provider) => Registry.Create(provider);

    /// <summary>
    /// The mesh a model set is for when <c>--mesh</c> does not say: its <see cref="MeshSettings"/>; else the one
    /// driver family whose preserved data its models carry, when that family is also a provider; else the default.
    /// Settings that disagree, or name no mesh, are problems.
    /// </summary>
    public static string Choose(ModelSet models, List<ValidationProblem> problems)
    {
        var settings = models.Of<MeshSettings>().ToList();
        foreach (var (setting, origin) in settings)
        {
            problems.AddRange(setting.Validate(origin));
        }
        var providers = settings.Select(s => s.Model.Provider).Distinct(StringComparer.Ordinal).ToList();
        if (providers.Count > 1)
        {
            problems.Add(new(FieldPath.Child(settings[^1].Origin, "provider"), $"the model's MeshSettings disagree ({string.Join(", ", providers)}); give --mesh or keep one"));
        }
        if (providers.Count == 1 && IsKnown(providers[0]))
        {
            return providers[0];
        }
        var families = models.Of<IMeshModel>().Select(m => m.Model)
            .SelectMany(m => m.Preserved?.ToJson().Select(p => p.Key) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return families.Count == 1 && IsKnown(families[0]) ? families[0] : Default;
    }
}
