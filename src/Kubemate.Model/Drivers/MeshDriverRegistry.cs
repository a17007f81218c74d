namespace Kubemate.Model.Drivers;

/// <summary>
/// Creates drivers by provider string, the way Flagger's router factory does: <c>linkerd</c>,
/// <c>linkerd:smi-v1alpha2</c>, <c>istio</c>. The host registers every driver here, in one place; nothing else
/// names a mesh.
/// </summary>
public sealed class MeshDriverRegistry
{
    private readonly Dictionary<string, Func<IMeshDriver>> _factories = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Providers => _factories.Keys;

    public MeshDriverRegistry Register(string provider, Func<IMeshDriver> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        if (!_factories.TryAdd(provider, factory))
        {
            throw new InvalidOperationException($"mesh provider '{provider}' is registered twice");
        }
        return this;
    }

    public bool IsRegistered(string provider) => _factories.ContainsKey(provider);

    public IMeshDriver Create(string provider)
    {
        if (_factories.TryGetValue(provider, out var factory))
        {
            return factory();
        }
        var known = string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal));
        throw new ArgumentException($"unknown mesh provider '{provider}'; known providers: {known}", nameof(provider));
    }
}
