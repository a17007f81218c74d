namespace Kubemate.Testing.BadInput;

/// <summary>
/// How many generated bad documents each surface is given: 200 by default (bounded for CI). CsCheck's own
/// variables choose more or replay one: <c>CsCheck_Iter=5000</c> runs more, <c>CsCheck_Seed=…</c> (printed with
/// any failure) replays the failing document.
/// </summary>
public static class BadInputRuns
{
    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : 200;
}
