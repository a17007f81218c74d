using Kubemate.Telemetry.Cli;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Tests.Support;

namespace Kubemate.Telemetry.Tests.Cli;

public class CliTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Stat_table_has_the_linkerd_viz_stat_columns()
    {
        var rows = new[]
        {
            new WorkloadStat(new WorkloadRef("shop", "deployment", "web"), 2, 3, GoldenMetrics.From(95, 5, TimeSpan.FromMinutes(1), 8.75, 40, 75.4), 4),
            new WorkloadStat(new WorkloadRef("shop", "deployment", "idle"), 1, 1, GoldenMetrics.None, null),
        };

        var lines = StatTables.Stat(rows, withNamespace: false).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["NAME", "MESHED", "SUCCESS", "RPS", "LATENCY_P50", "LATENCY_P95", "LATENCY_P99", "TCP_CONN"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["web", "2/3", "95.00%", "1.7rps", "9ms", "40ms", "75ms", "4"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["idle", "1/1", "-", "-", "-", "-", "-", "-"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Edges_table_has_the_linkerd_viz_edges_columns()
    {
        var edges = new[]
        {
            new EdgeStat(new WorkloadRef("shop", "deployment", "web"), new WorkloadRef("pay", "deployment", "payment"), GoldenMetrics.From(10, 0, TimeSpan.FromMinutes(1)), 1),
            new EdgeStat(WorkloadRef.Unmeshed, new WorkloadRef("shop", "deployment", "web"), GoldenMetrics.From(10, 0, TimeSpan.FromMinutes(1)), 0),
        };

        var lines = StatTables.Edges(edges).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["SRC", "DST", "SRC_NS", "DST_NS", "SECURED"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["web", "payment", "shop", "pay", "√"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["unmeshed", "web", "-", "shop", "×"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_source_comes_from_flags_then_environment_and_names_the_missing_flag()
    {
        using var http = new HttpClient();

        Assert.NotNull(CliTelemetrySource.Resolve(http, null, null, null, Env(("KUBEMATE_SERVER", "http://127.0.0.1:8080"))).Source);
        Assert.NotNull(CliTelemetrySource.Resolve(http, null, null, "http://127.0.0.1:9090", Env()).Source);
        Assert.StartsWith("--server", CliTelemetrySource.Resolve(http, null, null, null, Env()).Error);
        Assert.StartsWith("--prometheus", CliTelemetrySource.Resolve(http, null, null, "not a url", Env()).Error);
    }

    [Fact]
    public async Task The_cli_reads_stat_and_edges_from_a_running_server()
    {
        await using var host = await TelemetryTestHost.SeededAsync();
        using var http = new HttpClient();
        var (source, _) = CliTelemetrySource.Resolve(http, host.Url.ToString(), "token", null, Env());

        var stat = await source!.WorkloadsAsync("shop", TelemetryWindow.OneMinute, default);
        var edges = await source.EdgesAsync(null, TelemetryWindow.OneMinute, default);

        Assert.Equal(["orders", "web"], stat.Value!.Select(s => s.Workload.Name));
        Assert.Equal(20, stat.Value![0].Metrics.Rps, 0.2);
        Assert.Contains(edges.Value!, e => e.Source == WorkloadRef.Unmeshed && !e.Secured);
        Assert.Contains(edges.Value!, e => e.Source.Name == "web" && e.Destination.Name == "orders" && e.Secured);
    }

    [Fact]
    public async Task A_server_answering_503_gives_the_cli_the_unavailable_reason()
    {
        using var prometheusClient = new HttpClient();
        var unreachable = new Kubemate.Telemetry.Prometheus.PrometheusBackend(prometheusClient,
            new Kubemate.Telemetry.Prometheus.PrometheusOptions(new Uri($"http://127.0.0.1:{Prometheus.PrometheusProcess.FreePort()}/")));
        await using var host = await TelemetryTestHost.StartAsync(unreachable, TimeProvider.System);
        using var http = new HttpClient();

        var stat = await new ServerTelemetryClient(http, host.Url, null).WorkloadsAsync(null, TelemetryWindow.OneMinute, default);

        Assert.Equal(UnavailableReason.Unreachable, stat.Unavailable!.Reason);
        Assert.Equal(503, stat.Unavailable.HttpStatus);
    }
}
