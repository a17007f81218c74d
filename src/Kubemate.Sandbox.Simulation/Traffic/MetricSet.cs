using System.Text;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>The metrics one simulated process (a proxy, a Traefik pod) exposes; families written in name order.</summary>
public sealed class MetricSet
{
    private readonly SortedDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);

    public MetricFamily Counter(string name, string help) => Family(name, MetricType.Counter, help, null);

    public MetricFamily Gauge(string name, string help) => Family(name, MetricType.Gauge, help, null);

    public MetricFamily Histogram(string name, string help, IReadOnlyList<double> bounds) => Family(name, MetricType.Histogram, help, bounds);

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var family in _families.Values)
        {
            family.WriteTo(text);
        }
        return text.ToString();
    }

    private MetricFamily Family(string name, MetricType type, string help, IReadOnlyList<double>? bounds)
    {
        if (!_families.TryGetValue(name, out var family))
        {
            family = new MetricFamily(name, type, help, bounds);
            _families[name] = family;
        }
        return family;
    }
}
