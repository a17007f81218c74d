namespace Kubemate.Telemetry.Querying;

public enum QueryFunctionKind
{
    /// <summary><c>sum by (…) (increase(m[w]))</c>.</summary>
    Increase,
    /// <summary><c>sum by (…) (rate(m[w]))</c>.</summary>
    Rate,
    /// <summary><c>histogram_quantile(q, sum by (le, …) (rate(m_bucket[w])))</c>.</summary>
    Quantile,
    /// <summary><c>sum by (…) (m)</c>: a gauge's latest value (5 minute lookback).</summary>
    Latest,
}
