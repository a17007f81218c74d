using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>One series' raw samples as Prometheus stored them (a range-vector selector, no functions applied).</summary>
public sealed record RawSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(DateTimeOffset Time, double Value)> Samples);

/// <summary>
/// Reads raw samples from Prometheus' HTTP API, so a test can count scrapes: every series of one target shares that
/// target's scrape timestamps.
/// </summary>
public static class RawSamples
{
    public static async Task<IReadOnlyList<RawSeries>> RangeVectorAsync(HttpClient http, Uri prometheus, string selector, TimeSpan range, DateTimeOffset at)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = $"{selector}[{(int)range.TotalSeconds}s]",
            ["time"] = (at.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture),
        });
        using var response = await http.PostAsync(new Uri(prometheus, "api/v1/query"), form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["status"]?.GetValue<string>() == "success", $"prometheus answered {(int)response.StatusCode}: {body.ToJsonString()}");
        return (body["data"]!["result"] as JsonArray ?? []).Select(series => new RawSeries(
            series!["metric"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
            (series["values"] as JsonArray ?? []).Select(v => (
                DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(v![0]!.GetValue<double>() * 1000)),
                double.Parse(v[1]!.GetValue<string>(), CultureInfo.InvariantCulture))).ToList())).ToList();
    }

    /// <summary>
    /// For each pod: how many of its scrapes taken after <paramref name="since"/> it took until the sum of the
    /// <paramref name="counters"/> series grew beyond its value at the last scrape before; null when it has not yet.
    /// <paramref name="scrapes"/> are the pods' <c>up</c> series (one sample per scrape).
    /// </summary>
    public static IReadOnlyDictionary<string, int?> ScrapesUntilGrowth(IReadOnlyList<RawSeries> scrapes, IReadOnlyList<RawSeries> counters, DateTimeOffset since)
    {
        var result = new Dictionary<string, int?>();
        foreach (var target in scrapes)
        {
            var pod = target.Labels["pod"];
            var podCounters = counters.Where(c => c.Labels.GetValueOrDefault("pod") == pod).ToList();
            double SumAt(DateTimeOffset time) => podCounters.Sum(c => c.Samples.Where(s => s.Time == time).Select(s => s.Value).FirstOrDefault());
            var before = target.Samples.Where(s => s.Time <= since).Select(s => s.Time).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            var baseline = before == DateTimeOffset.MinValue ? 0 : SumAt(before);
            var after = target.Samples.Where(s => s.Time > since).Select(s => s.Time).Order().ToList();
            var index = after.FindIndex(time => SumAt(time) > baseline);
            result[pod] = index < 0 ? null : index + 1;
        }
        return result;
    }
}
