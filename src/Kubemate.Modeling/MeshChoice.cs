using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>Which mesh driver a model set is rendered with when the caller does not say.</summary>
public static class MeshChoice
{
    /// <summary>The providers of <paramref name="drivers"/> as a list for messages: <c>istio, linkerd, …</c>.</summary>
    public static string Known(MeshDriverRegistry drivers) => string.Join(", ", drivers.Providers.Order(StringComparer.Ordinal));

    /// <summary>
    /// The set's <see cref="MeshSettings"/>; else the one driver family whose preserved data its models carry, when
    /// that family is also a provider; else <paramref name="fallback"/>. Settings that disagree, or name no mesh of
    /// <paramref name="drivers"/>, are problems.
    /// </summary>
    public static string Choose(ModelSet models, MeshDriverRegistry drivers, string fallback, List<ValidationProblem> problems)
    {
        var settings = models.Of<MeshSettings>().ToList();
        foreach (var (setting, origin) in settings)
        {
            problems.AddRange(setting.Validate(drivers, origin));
        }
        var providers = settings.Select(s => s.Model.Provider).Distinct(StringComparer.Ordinal).ToList();
        if (providers.Count > 1)
        {
            problems.Add(new(FieldPath.Child(settings[^1].Origin, "provider"), $"the model's MeshSettings disagree ({string.Join(", ", providers)}); give --mesh or keep one"));
        }
        if (providers.Count == 1 && drivers.IsRegistered(providers[0]))
        {
            return providers[0];
        }
        var families = models.Of<IMeshModel>().Select(m => m.Model)
            .SelectMany(m => m.Preserved?.ToJson().Select(p => p.Key) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return families.Count == 1 && drivers.IsRegistered(families[0]) ? families[0] : fallback;
    }
}
