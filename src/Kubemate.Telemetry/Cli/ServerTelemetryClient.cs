using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Cli;

/// <summary>Reads telemetry from a running <c>kubemate serve</c> through its REST API, as the CLI does.</summary>
public sealed class ServerTelemetryClient(HttpClient http, Uri server, string? token)
{
    public Task<TelemetryResult<IReadOnlyList<WorkloadStat>>> WorkloadsAsync(string? ns, TelemetryWindow window, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<WorkloadStat>>("api/v1/telemetry/workloads", ns, window, cancellationToken);

    public Task<TelemetryResult<IReadOnlyList<EdgeStat>>> EdgesAsync(string? ns, TelemetryWindow window, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<EdgeStat>>("api/v1/telemetry/edges", ns, window, cancellationToken);

    private async Task<TelemetryResult<T>> GetAsync<T>(string path, string? ns, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var query = $"?window={window.Name}" + (ns is null ? "" : $"&namespace={Uri.EscapeDataString(ns)}");
        var root = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, path + query));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        string body;
        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException error)
        {
            return TelemetryResult<T>.Fail(UnavailableReason.Unreachable, $"kubemate server at {server} is unreachable: {error.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TelemetryResult<T>.Fail(UnavailableReason.Timeout, $"kubemate server at {server} did not answer in time");
        }
        try
        {
            var json = JsonNode.Parse(body) as JsonObject;
            if (status == 200 && json?["data"] is { } data)
            {
                var warnings = json["warnings"]?.AsArray().Select(w => w?.GetValue<string>() ?? "").ToList() ?? [];
                return TelemetryResult<T>.WithWarnings(data.Deserialize<T>(TelemetryJson.Options)!, warnings);
            }
            var detail = json?["detail"]?.GetValue<string>() ?? json?["title"]?.GetValue<string>() ?? body;
            if (json?["errors"] is JsonObject errors)
            {
                detail += ": " + string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value!.AsArray().Select(r => r?.GetValue<string>()))}"));
            }
            var reason = json?["reason"]?.GetValue<string>() is { } text && Enum.TryParse<UnavailableReason>(text, ignoreCase: true, out var parsed)
                ? parsed
                : UnavailableReason.BadResponse;
            return TelemetryResult<T>.Fail(new TelemetryUnavailable(reason, $"HTTP {status}: {detail}", json?["errorType"]?.GetValue<string>(), status));
        }
        catch (JsonException)
        {
            return TelemetryResult<T>.Fail(new TelemetryUnavailable(UnavailableReason.BadResponse, $"HTTP {status}: the server did not answer JSON", HttpStatus: status));
        }
    }
}
