using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Kubemate.Application.Onboarding;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Api = Kubemate.Client;

namespace Kubemate.Remote;

/// <summary>
/// The operations through the REST API of a running <c>kubemate serve</c>, authenticated with a bearer token. Every
/// call goes through <see cref="Api.KubemateApiClient"/>, generated at build time from the committed OpenAPI document,
/// so a change of the API that this code does not follow stops the build; <see cref="ServerModels"/> turns its answers
/// into the application layer's records, the same the direct mode gets.
/// </summary>
public sealed partial class ServerBackend : IOperationsBackend
{
    private readonly HttpClient _http;
    private readonly Api.KubemateApiClient _api;

    /// <summary>How long a request other than the event stream may take before the server counts as not answering.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private const int MaxStreamAttempts = 5;

    public ServerBackend(Uri server, string? token)
    {
        _http = new HttpClient
        {
            // Relative API paths resolve below the server's path only when it ends with a slash.
            BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/"),
            // Onboarding streams run as long as the rollouts take; other requests get RequestTimeout each.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        // Problem answers are read as text so that every field of the problem reaches ServerProblem.
        _api = new Api.KubemateApiClient(_http) { ReadResponseAsString = true };
        Description = $"kubemate server {server}";
    }

    public string Description { get; }

    public Task<OnboardingPlan> PlanMeshAsync(MeshRequest request, CancellationToken cancellationToken) =>
        CallAsync($"POST api/v1/namespaces/{request.Namespace}/mesh/plan", async ct => ServerModels.Plan(
            await _api.PlanMeshAsync(request.Namespace, new Api.MeshPlanRequest { Enable = request.Enable, Workload = request.Workload?.ToString() }, ct)
                .ConfigureAwait(false)), cancellationToken);

    public async IAsyncEnumerable<OnboardingEvent> RunMeshAsync(MeshRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = await CallAsync($"POST api/v1/namespaces/{request.Namespace}/mesh", ct => _api.StartMeshAsync(request.Namespace,
            new Api.MeshSwitchRequest { Enable = request.Enable, Workload = request.Workload?.ToString(), MaxConcurrency = request.MaxConcurrency }, ct),
            cancellationToken).ConfigureAwait(false);
        var stream = $"GET {started.EventsUrl}";
        string? lastEventId = null;
        for (var attempt = 1; ; attempt++)
        {
            using var events = await OpenAsync(stream, ct => _api.StreamOperationEventsAsync(started.OperationId, lastEventId, ct), cancellationToken)
                .ConfigureAwait(false);
            using var reader = new StreamReader(events.Stream, Encoding.UTF8);
            await using var sse = ServerSentEventReader.ReadAsync(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await NextOrEndAsync(sse).ConfigureAwait(false))
            {
                var meshEvent = ServerModels.Event(Deserialize<Api.OnboardingEvent>(sse.Current.Data, stream));
                lastEventId = sse.Current.Id ?? lastEventId;
                yield return meshEvent;
                if (meshEvent.Type is OnboardingEventType.Completed or OnboardingEventType.Failed)
                {
                    yield break;
                }
            }
            // The run goes on on the server: a dropped stream is resumed after the last event seen.
            if (attempt == MaxStreamAttempts)
            {
                throw new OperationException(OperationFailure.Failed,
                    $"{Description}: the event stream of {started.EventsUrl} ended {MaxStreamAttempts} times before the onboarding completed or failed");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

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
        Api.PreviewView preview;
        try
        {
            preview = await CallAsync("POST api/v1/changesets/preview", ct => _api.PreviewChangeSetAsync(new Api.ChangeSetPreviewRequest { Yaml = yaml }, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationException refused) when (refused.Objects is { } objects)
        {
            // A failed dry run is a problem answer with every object's result and no preview to apply; only a forced
            // apply of the change set itself can follow (conflicts taken over on purpose).
            return new PreviewedChanges(new ChangeSetResult(objects), new UnpreviewedChanges(yaml));
        }
        return new PreviewedChanges(new ChangeSetResult(ServerModels.Objects(preview.Objects)), preview.PreviewId);
    }

    public async Task<ChangeSetResult> ApplyAsync(PreviewedChanges preview, bool forceConflicts, CancellationToken cancellationToken)
    {
        var body = preview.Handle switch
        {
            string previewId => new Api.ChangeSetApplyRequest { PreviewId = previewId, Force = forceConflicts },
            UnpreviewedChanges changes => new Api.ChangeSetApplyRequest { Yaml = changes.Yaml, Force = forceConflicts },
            _ => throw new ArgumentException("the preview was not made by this server", nameof(preview)),
        };
        try
        {
            var applied = await CallAsync("POST api/v1/changesets/apply", ct => _api.ApplyChangeSetAsync(body, ct), cancellationToken).ConfigureAwait(false);
            return new ChangeSetResult(ServerModels.Objects(applied.Objects));
        }
        catch (OperationException refused) when (refused.Objects is { } objects)
        {
            return new ChangeSetResult(objects);
        }
    }

    /// <summary>The change set itself, when the server kept no preview of it.</summary>
    private sealed record UnpreviewedChanges(string Yaml);

    public Task<string> ExportGitOpsAsync(string yaml, CancellationToken cancellationToken) =>
        CallAsync("POST api/v1/changesets/apply", ct => _api.ExportGitOpsAsync(new Api.ChangeSetApplyRequest { Yaml = yaml, Gitops = true }, ct), cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var records = await CallAsync("GET api/v1/audit", ct => _api.QueryAuditAsync(
            user: query.User,
            @namespace: query.Namespace,
            since: Time(query.From),
            until: Time(query.To),
            limit: query.Limit,
            cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return records.Select(ServerModels.Record).ToList();
    }

    public async Task<AuditVerificationReport> VerifyAuditAsync(CancellationToken cancellationToken) =>
        ServerModels.Report(await CallAsync("POST api/v1/audit/verify", ct => _api.VerifyAuditAsync(ct), cancellationToken).ConfigureAwait(false));

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One call within <see cref="RequestTimeout"/>; refusals and unreachable servers become <see cref="OperationException"/>s.</summary>
    private async Task<T> CallAsync<T>(string request, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            return await OpenAsync(request, call, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OperationException(OperationFailure.Failed, $"{Description} did not answer {request} within {RequestTimeout.TotalMinutes:0} minutes");
        }
    }

    /// <summary>A call without a deadline (the event stream lasts as long as the run).</summary>
    private async Task<T> OpenAsync<T>(string request, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Api.ApiException refused)
        {
            if (refused.StatusCode is >= 200 and < 300)
            {
                throw new OperationException(OperationFailure.Failed, $"{request}: the answer is not what the API describes: {refused.Message}", refused);
            }
            throw ServerProblem.Read((HttpStatusCode)refused.StatusCode, refused.Response ?? "", request);
        }
        catch (HttpRequestException error)
        {
            throw new OperationException(OperationFailure.Failed, $"{Description} cannot be reached: {error.Message}", error);
        }
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

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
