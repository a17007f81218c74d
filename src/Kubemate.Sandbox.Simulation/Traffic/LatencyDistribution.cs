namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// A log-normal latency in milliseconds fitted to a median and a 99th percentile: mu = ln(p50),
/// sigma = ln(p99 / p50) / z(0.99).
/// </summary>
public sealed record LatencyDistribution(double P50Ms, double P99Ms)
{
    private const double Z99 = 2.3263478740408408;

    private double Mu => Math.Log(P50Ms);

    private double Sigma => P99Ms > P50Ms ? Math.Log(P99Ms / P50Ms) / Z99 : 0;

    public double Sample(Random random)
    {
        // Box-Muller: one standard normal from two uniforms.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp(Mu + Sigma * z);
    }

    /// <summary>The fraction of samples at or below <paramref name="ms"/>.</summary>
    public double Cdf(double ms) => Sigma == 0 ? (ms >= P50Ms ? 1 : 0) : NormalCdf((Math.Log(ms) - Mu) / Sigma);

    private static double NormalCdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    // Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7.
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
