using System.Globalization;
using System.Text;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Cli;

/// <summary>The columns <c>linkerd viz stat</c> and <c>linkerd viz edges</c> users know.</summary>
public static class StatTables
{
    public static string Stat(IEnumerable<WorkloadStat> rows, bool withNamespace)
    {
        string[] header = ["NAME", "MESHED", "SUCCESS", "RPS", "LATENCY_P50", "LATENCY_P95", "LATENCY_P99", "TCP_CONN"];
        var lines = rows.Select(row =>
        {
            var m = row.Metrics;
            var traffic = m.Responses > 0;
            string[] cells =
            [
                row.Workload.Name,
                $"{row.MeshedPods}/{row.TotalPods}",
                traffic && m.SuccessRate is { } sr ? (sr * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-",
                traffic ? m.Rps.ToString("0.0", CultureInfo.InvariantCulture) + "rps" : "-",
                Latency(traffic, m.LatencyP50Ms),
                Latency(traffic, m.LatencyP95Ms),
                Latency(traffic, m.LatencyP99Ms),
                row.TcpConnections is { } tcp ? tcp.ToString("0", CultureInfo.InvariantCulture) : "-",
            ];
            return withNamespace ? [row.Workload.Namespace, .. cells] : cells;
        }).ToList();
        return Table(withNamespace ? ["NAMESPACE", .. header] : header, lines);
    }

    public static string Edges(IEnumerable<EdgeStat> edges) =>
        Table(["SRC", "DST", "SRC_NS", "DST_NS", "SECURED"], edges.Select(e => new[]
        {
            e.Source.Name,
            e.Destination.Name,
            e.Source == WorkloadRef.Unmeshed ? "-" : e.Source.Namespace,
            e.Destination.Namespace,
            e.Secured ? "√" : "×",
        }).ToList());

    private static string Latency(bool traffic, double? ms) =>
        traffic && ms is { } value ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) + "ms" : "-";

    private static string Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("   ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
        return text.ToString();
    }
}
