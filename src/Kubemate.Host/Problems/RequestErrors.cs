namespace Kubemate.Host.Problems;

/// <summary>Collects field errors of one request, keyed by field path (e.g. <c>objects[2].metadata.name</c>).</summary>
public sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many reasons were added so far (to tell whether a step added any).</summary>
    public int Count => _errors.Values.Sum(r => r.Count);

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }
        reasons.Add(reason);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
