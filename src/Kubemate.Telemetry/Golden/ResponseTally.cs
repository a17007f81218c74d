using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>Adds up response-count increases by outcome and mTLS, as the mesh's vocabulary reads them.</summary>
internal sealed class ResponseTally
{
    public double Successes { get; private set; }
    public double Failures { get; private set; }
    public double Secured { get; private set; }

    public double Responses => Successes + Failures;

    public void Add(MeshSeries mesh, LabelSet labels, double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        if (mesh.IsSuccess(labels))
        {
            Successes += value;
        }
        else
        {
            Failures += value;
        }
        if (mesh.IsSecured(labels))
        {
            Secured += value;
        }
    }

    public double MtlsRatio => Responses > 0 ? Secured / Responses : 0;

    public static Dictionary<TKey, ResponseTally> By<TKey>(MeshSeries mesh, IEnumerable<SeriesResult> series, Func<LabelSet, TKey?> key) where TKey : notnull
    {
        var tallies = new Dictionary<TKey, ResponseTally>();
        foreach (var item in series)
        {
            if (key(item.Labels) is not { } k)
            {
                continue;
            }
            if (!tallies.TryGetValue(k, out var tally))
            {
                tallies[k] = tally = new ResponseTally();
            }
            tally.Add(mesh, item.Labels, item.Last);
        }
        return tallies;
    }

    /// <summary>Quantile values by key; NaN (no observations) becomes absent.</summary>
    public static Dictionary<TKey, double> Values<TKey>(IEnumerable<SeriesResult> series, Func<LabelSet, TKey?> key) where TKey : notnull
    {
        var values = new Dictionary<TKey, double>();
        foreach (var item in series)
        {
            if (key(item.Labels) is { } k && !double.IsNaN(item.Last) && !double.IsInfinity(item.Last))
            {
                values[k] = values.GetValueOrDefault(k) + item.Last;
            }
        }
        return values;
    }
}
