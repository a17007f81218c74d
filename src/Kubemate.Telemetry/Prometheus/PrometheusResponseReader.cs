using System.Globalization;
using System.Text.Json;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Prometheus;

/// <summary>Reads Prometheus' HTTP API envelope (<c>status</c>, <c>data</c>, <c>warnings</c>, <c>errorType</c>, <c>error</c>).</summary>
internal static class PrometheusResponseReader
{
    public static TelemetryResult<IReadOnlyList<SeriesResult>> Read(int httpStatus, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(new TelemetryUnavailable(UnavailableReason.BadResponse,
                $"Prometheus answered HTTP {httpStatus} with a body that is not JSON: {Shorten(body)}", HttpStatus: httpStatus));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
            {
                return BadResponse(httpStatus, "the answer has no \"status\"");
            }
            if (status.GetString() != "success")
            {
                var errorType = root.TryGetProperty("errorType", out var type) ? type.GetString() : null;
                var error = root.TryGetProperty("error", out var message) ? message.GetString() : null;
                return TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(new TelemetryUnavailable(UnavailableReason.QueryError,
                    $"Prometheus: {errorType ?? "error"}: {error ?? "(no message)"}", errorType, httpStatus));
            }
            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
            {
                return BadResponse(httpStatus, "data.result is missing");
            }
            var series = new List<SeriesResult>();
            foreach (var item in result.EnumerateArray())
            {
                var labels = item.TryGetProperty("metric", out var metric)
                    ? LabelSet.From(metric.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")))
                    : LabelSet.Empty;
                var points = new List<SamplePoint>();
                if (item.TryGetProperty("value", out var value))
                {
                    points.Add(Point(value));
                }
                else if (item.TryGetProperty("values", out var values))
                {
                    points.AddRange(values.EnumerateArray().Select(Point));
                }
                series.Add(new SeriesResult(labels, points));
            }
            var warnings = root.TryGetProperty("warnings", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(w => w.GetString() ?? "").ToList()
                : [];
            return TelemetryResult<IReadOnlyList<SeriesResult>>.WithWarnings(series, warnings);
        }
    }

    private static SamplePoint Point(JsonElement pair) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(pair[0].GetDouble() * 1000)), ParseValue(pair[1].GetString() ?? "NaN"));

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static TelemetryResult<IReadOnlyList<SeriesResult>> BadResponse(int httpStatus, string why) =>
        TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(new TelemetryUnavailable(UnavailableReason.BadResponse,
            $"Prometheus answered HTTP {httpStatus}, but {why}", HttpStatus: httpStatus));

    private static string Shorten(string body) => body.Length <= 200 ? body.Trim() : body[..200].Trim() + "…";
}
