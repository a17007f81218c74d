namespace Kubemate.Sandbox.Admission;

/// <summary>Runs every mutating plugin, then every validating plugin, as the apiserver's admission chain does.</summary>
public sealed class AdmissionChain
{
    private readonly List<IAdmissionPlugin> _plugins = [];

    public void Add(IAdmissionPlugin plugin) => _plugins.Add(plugin);

    public void Admit(AdmissionRequest request)
    {
        foreach (var plugin in _plugins.Where(p => p.Mutates))
        {
            plugin.Admit(request);
        }
        foreach (var plugin in _plugins.Where(p => !p.Mutates))
        {
            plugin.Admit(request);
        }
    }
}
