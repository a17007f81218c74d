using System.Globalization;
using Kubemate.Direct.Terminal;
using Api = Kubemate.Client;

namespace Kubemate.Commands;

/// <summary>One release as <c>kubemate canary get</c> prints it: what it splits, where it is, both versions' metrics, the checks.</summary>
public static class CanaryDetailText
{
    public static void Write(TextWriter output, Api.CanaryDetailView detail)
    {
        var r = detail.Summary;
        output.WriteLine($"{r.Namespace}/{r.Name}: {r.Service} split between {r.Stable} (stable) and {r.Canary} (canary), mode {CanaryCommand.Mode(r.Mode)}");
        output.WriteLine($"phase {CanaryCommand.Phase(r)}, canary weight {r.Weight}%, latest verdict {r.LastVerdict ?? "-"}");
        if (!string.IsNullOrEmpty(r.Message))
        {
            output.WriteLine($"message: {r.Message}");
        }
        if (detail.Metrics is { Count: > 0 } metrics)
        {
            output.WriteLine();
            var table = new TextTable("BACKEND", "ROLE", "SUCCESS", "RPS", "P99");
            foreach (var b in metrics)
            {
                table.Add(b.Service, b.Role, Percent(b.Metrics.SuccessRate), Number(b.Metrics.Rps), b.Metrics.LatencyP99Ms is { } p99 ? $"{Number(p99)}ms" : "-");
            }
            table.Write(output);
        }
        foreach (var warning in detail.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }
        if (detail.Status.History is { Count: > 0 } history)
        {
            output.WriteLine();
            var checks = new TextTable("TIME", "STEP", "WEIGHT", "VERDICT", "STABLE SUCCESS", "CANARY SUCCESS", "REASON");
            foreach (var c in history.TakeLast(10))
            {
                checks.Add(c.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture), c.Step?.ToString(CultureInfo.InvariantCulture) ?? "-", $"{c.Weight}%",
                    c.Verdict.ToString(), Percent(c.Stable.SuccessRate), Percent(c.Canary.SuccessRate), c.Reason ?? "");
            }
            checks.Write(output);
        }
    }

    private static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
