using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Options;

/// <summary>
/// Options the caller built as an immutable record (<c>kubemate serve</c> from its flags, tests by hand), put under the
/// options pattern so their <see cref="IValidateOptions{TOptions}"/> run when the host starts.
/// </summary>
internal static class GivenOptions
{
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, TOptions value)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IOptionsFactory<TOptions>>(sp => new Factory<TOptions>(value,
            sp.GetServices<IConfigureOptions<TOptions>>(), sp.GetServices<IPostConfigureOptions<TOptions>>(), sp.GetServices<IValidateOptions<TOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddOptions<TOptions>().ValidateOnStart();
        return services;
    }

    private sealed class Factory<TOptions>(
        TOptions value,
        IEnumerable<IConfigureOptions<TOptions>> setups,
        IEnumerable<IPostConfigureOptions<TOptions>> postConfigures,
        IEnumerable<IValidateOptions<TOptions>> validations)
        : OptionsFactory<TOptions>(setups, postConfigures, validations)
        where TOptions : class
    {
        protected override TOptions CreateInstance(string name) => value;
    }
}
