using Kubemate.Telemetry.Exposition;

namespace Kubemate.Telemetry.Tests.Exposition;

public class PrometheusTextParserTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "linkerd-metrics", "linkerd2", name));

    [Fact]
    public void Parses_the_linkerd_proxy_sample_metrics_fixture()
    {
        var exposition = PrometheusTextParser.Parse(Fixture("sampleMetrics.txt"));

        var response = Assert.Single(exposition.Samples, s => s.Name == "response_total");
        Assert.Equal(29, response.Value);
        Assert.Equal("inbound", response.Labels["direction"]);
        Assert.Equal("success", response.Labels["classification"]);
        Assert.Equal("no_identity", response.Labels["tls"]);
        Assert.Equal("histogram", exposition.Types["response_latency_ms"]);
        Assert.Equal(26, exposition.Samples.Count(s => s.Name == "response_latency_ms_bucket"));
        Assert.Contains(exposition.Samples, s => s.Name == "response_latency_ms_bucket" && s.Labels["le"] == "+Inf");
        var close = Assert.Single(exposition.Samples, s => s.Name == "tcp_close_total");
        Assert.False(close.Labels.Has("errno"));
    }

    [Fact]
    public void Parses_the_obfuscation_input_fixture()
    {
        var exposition = PrometheusTextParser.Parse(Fixture("obfuscate-diagnostics-proxy-metrics.input"));

        Assert.NotEmpty(exposition.Samples);
        Assert.All(exposition.Samples, s => Assert.False(double.IsNaN(s.Value)));
    }

    [Fact]
    public void Unescapes_label_values_and_reads_special_values_and_timestamps()
    {
        var exposition = PrometheusTextParser.Parse("m{a=\"x\\\"y\\\\z\\n\",b=\"2\",} +Inf 1700000000000\nn NaN\no -1.5e3\n");

        Assert.Equal("x\"y\\z\n", exposition.Samples[0].Labels["a"]);
        Assert.Equal(double.PositiveInfinity, exposition.Samples[0].Value);
        Assert.Equal(1700000000000, exposition.Samples[0].TimestampMs);
        Assert.True(double.IsNaN(exposition.Samples[1].Value));
        Assert.Equal(-1500, exposition.Samples[2].Value);
    }

    [Theory]
    [InlineData("m{a=\"1\"} abc", 1, "not a number")]
    [InlineData("ok 1\nm{a=\"1} 2", 2, "unterminated")]
    [InlineData("m{a=1} 2", 1, "expected =\"value\"")]
    [InlineData("m{a=\"1\",a=\"2\"} 2", 1, "appears twice")]
    [InlineData("# TYPE m bogus\nm 1", 1, "unknown metric type")]
    [InlineData("m 1 2 3", 1, "expected a value")]
    [InlineData("{a=\"1\"} 2", 1, "metric name")]
    public void Rejects_malformed_lines_naming_the_line_and_reason(string text, int line, string reason)
    {
        var error = Assert.Throws<ExpositionFormatException>(() => PrometheusTextParser.Parse(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message);
    }
}
