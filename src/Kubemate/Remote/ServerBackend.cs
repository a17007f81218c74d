using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;

namespace Kubemate.Remote;

/// <summary>The operations through the REST API of a running <c>kubemate serve</c>, authenticated with a bearer token.</summary>
public sealed class ServerBackend : IOperationsBackend
{
    private readonly HttpClient _http;

    /// <summary>How long a request other than the event stream may take before the server counts as not answering.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    public ServerBackend(Uri server, string? token)
    {
        _http = new HttpClient();
        // Relative API paths resolve below the server's path only when it ends with a slash.
        _http.BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        // Onboarding streams run as long as the rollouts take; other requests get RequestTimeout each.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        Description = $"kubemate server {server}";
    }

    public string Description { get; }

    public async Task<MeshPlan> PlanMeshAsync(MeshRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["enable"] = request.Enable, ["workload"] = request.Workload?.ToString() };
        return await SendAsync<MeshPlan>(HttpMethod.Post, $"api/v1/namespaces/{Escape(request.Namespace)}/mesh/plan", body, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<MeshEvent> RunMeshAsync(MeshRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["enable"] = request.Enable,
            ["workload"] = request.Workload?.ToString(),
            ["maxConcurrency"] = request.MaxConcurrency,
        };
        var started = await SendAsync<JsonObject>(HttpMethod.Post, $"api/v1/namespaces/{Escape(request.Namespace)}/mesh", body, cancellationToken).ConfigureAwait(false);
        var eventsUrl = (string?)started["eventsUrl"]
            ?? throw new OperationException(OperationFailure.Failed, $"{Description}: the onboarding was started but the answer has no eventsUrl");
        string? lastEventId = null;
        for (var attempt = 1; ; attempt++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, eventsUrl);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            if (lastEventId is not null)
            {
                message.Headers.Add("Last-Event-ID", lastEventId);
            }
            using var response = await SendRawAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
            await using var events = ServerSentEventReader.ReadAsync(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await NextOrEndAsync(events).ConfigureAwait(false))
            {
                var meshEvent = Deserialize<MeshEvent>(events.Current.Data, $"GET {eventsUrl}");
                lastEventId = events.Current.Id ?? lastEventId;
                yield return meshEvent;
                if (meshEvent.Type is MeshEventType.Completed or MeshEventType.Failed)
                {
                    yield break;
                }
            }
            // The run goes on on the server: a dropped stream is resumed after the last event seen.
            if (attempt == MaxStreamAttempts)
            {
                throw new OperationException(OperationFailure.Failed,
                    $"{Description}: the event stream of {eventsUrl} ended {MaxStreamAttempts} times before the onboarding completed or failed");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private const int MaxStreamAttempts = 5;

    /// <summary>The next event; false at the end of the stream or when the connection drops.</summary>
    private static async Task<bool> NextOrEndAsync(IAsyncEnumerator<ServerSentEvent> events)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or HttpRequestException)
        {
            return false;
        }
    }

    public async Task<PreviewedChanges> PreviewAsync(string yaml, CancellationToken cancellationToken)
    {
        JsonObject answer;
        try
        {
            answer = await SendAsync<JsonObject>(HttpMethod.Post, "api/v1/changesets/preview", new JsonObject { ["yaml"] = yaml }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationException refused) when (refused.Objects is { } objects)
        {
            // A failed dry run is a problem answer with every object's result and no preview to apply; only a forced
            // apply of the change set itself can follow (conflicts taken over on purpose).
            return new PreviewedChanges(new ChangeSetResult(objects), new UnpreviewedChanges(yaml));
        }
        var previewId = (string?)answer["previewId"]
            ?? throw new OperationException(OperationFailure.Failed, $"{Description}: the preview answer has no previewId");
        return new PreviewedChanges(new ChangeSetResult(Objects(answer, "POST api/v1/changesets/preview")), previewId);
    }

    public async Task<ChangeSetResult> ApplyAsync(PreviewedChanges preview, bool forceConflicts, CancellationToken cancellationToken)
    {
        var body = preview.Handle switch
        {
            string previewId => new JsonObject { ["previewId"] = previewId, ["force"] = forceConflicts },
            UnpreviewedChanges changes => new JsonObject { ["yaml"] = changes.Yaml, ["force"] = forceConflicts },
            _ => throw new ArgumentException("the preview was not made by this server", nameof(preview)),
        };
        try
        {
            var answer = await SendAsync<JsonObject>(HttpMethod.Post, "api/v1/changesets/apply", body, cancellationToken).ConfigureAwait(false);
            return new ChangeSetResult(Objects(answer, "POST api/v1/changesets/apply"));
        }
        catch (OperationException refused) when (refused.Objects is { } objects)
        {
            return new ChangeSetResult(objects);
        }
    }

    /// <summary>The change set itself, when the server kept no preview of it.</summary>
    private sealed record UnpreviewedChanges(string Yaml);

    public async Task<string> ExportGitOpsAsync(string yaml, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/v1/changesets/apply")
        {
            Content = JsonContent.Create(new JsonObject { ["yaml"] = yaml, ["gitops"] = true }),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/yaml"));
        using var response = await SendRawAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<string>();
        Add(parameters, "user", query.User);
        Add(parameters, "namespace", query.Namespace);
        Add(parameters, "since", query.From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(parameters, "until", query.To?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(parameters, "limit", query.Limit?.ToString(CultureInfo.InvariantCulture));
        var path = "api/v1/audit" + (parameters.Count == 0 ? "" : "?" + string.Join('&', parameters));
        var answer = await SendAsync<JsonNode>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        // A bare array, or an envelope with the records in "records" or "items".
        var records = answer as JsonArray ?? answer["records"] as JsonArray ?? answer["items"] as JsonArray
            ?? throw new OperationException(OperationFailure.Failed, $"GET {path}: the answer holds no records");
        return records.Select(r => Deserialize<AuditRecord>(r?.ToJsonString() ?? "null", $"GET {path}")).ToList();
    }

    public Task<AuditVerificationReport> VerifyAuditAsync(CancellationToken cancellationToken) =>
        SendAsync<AuditVerificationReport>(HttpMethod.Post, "api/v1/audit/verify", null, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await SendRawAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return Deserialize<T>(text, $"{method} {path}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OperationException(OperationFailure.Failed, $"{Description} did not answer {method} {path} within {RequestTimeout.TotalMinutes:0} minutes");
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new OperationException(OperationFailure.Failed, $"{Description} cannot be reached: {error.Message}", error);
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw ServerProblem.Read(response.StatusCode, text, $"{message.Method} {message.RequestUri}");
            }
        }
        return response;
    }

    private static T Deserialize<T>(string text, string request)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, ServerJson.Options)
                ?? throw new OperationException(OperationFailure.Failed, $"{request}: the server answered null");
        }
        catch (JsonException error)
        {
            throw new OperationException(OperationFailure.Failed, $"{request}: the answer is not what the API describes: {error.Message}", error);
        }
    }

    private static List<ObjectResult> Objects(JsonObject answer, string request) =>
        Deserialize<List<ObjectResult>>(answer["objects"]?.ToJsonString() ?? "[]", request);

    private static void Add(List<string> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
