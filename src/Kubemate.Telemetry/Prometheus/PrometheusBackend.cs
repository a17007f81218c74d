using System.Globalization;
using System.Net.Http.Headers;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Prometheus;

/// <summary>
/// Queries Prometheus or Thanos Query over the HTTP API (<c>/api/v1/query</c>, <c>/api/v1/query_range</c>).
/// Unreachable, slow, non-JSON and error answers become typed <see cref="TelemetryUnavailable"/> results.
/// </summary>
public sealed class PrometheusBackend(HttpClient http, PrometheusOptions options) : ITelemetryBackend
{
    public string Description => $"prometheus {options.Url}";

    /// <summary>How many queries this backend has sent (the topology's query budget is measured with it).</summary>
    public int QueriesSent => queriesSent;

    private int queriesSent;

    public async Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref queriesSent);
        var parameters = new List<KeyValuePair<string, string>> { new("query", PromQl.Translate(query)) };
        string path;
        if (time.IsRange)
        {
            path = "api/v1/query_range";
            parameters.Add(new("start", Seconds(time.Start!.Value)));
            parameters.Add(new("end", Seconds(time.End)));
            parameters.Add(new("step", Seconds(time.Step!.Value)));
        }
        else
        {
            path = "api/v1/query";
            parameters.Add(new("time", Seconds(time.End)));
        }
        if (options.PartialResponse)
        {
            parameters.Add(new("partial_response", "true"));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Root(), path)) { Content = new FormUrlEncodedContent(parameters) };
            if (options.BearerToken is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return PrometheusResponseReader.Read((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(UnavailableReason.Timeout,
                $"Prometheus at {options.Url} did not answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException error)
        {
            return TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(UnavailableReason.Unreachable, $"Prometheus at {options.Url} is unreachable: {error.Message}");
        }
    }

    private Uri Root() => options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");

    private static string Seconds(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
