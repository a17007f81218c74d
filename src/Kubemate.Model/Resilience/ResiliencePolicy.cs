using System.Text.Json.Serialization;
using Kubemate.Model.Collections;
using Kubemate.Model.Preservation;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Resilience;

/// <summary>
/// Timeouts and retries for the requests to a service (all of them, or those matching <see cref="Matches"/>),
/// applied by the calling side's proxy.
/// </summary>
public sealed record ResiliencePolicy : IMeshModel
{
    [JsonIgnore]
    public string ModelKind => "ResiliencePolicy";

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public required string Service { get; init; }

    /// <summary>The service port; routes with matches need it.</summary>
    public int? Port { get; init; }

    public RouteProtocol Protocol { get; init; } = RouteProtocol.Http;

    /// <summary>Requests the policy covers; empty means every request to the service.</summary>
    public ValueList<RequestMatch> Matches { get; init; } = [];

    public RouteTimeouts? Timeouts { get; init; }

    public RetryPolicy? Retry { get; init; }

    public PreservedData? Preserved { get; init; }

    public IMeshModel WithPreserved(PreservedData? preserved) => this with { Preserved = preserved };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(NameChecks.Dns1123Subdomain(Name, FieldPath.Child(path, "name")));
        problems.AddRange(NameChecks.OptionalDns1123Label(Namespace, FieldPath.Child(path, "namespace")));
        problems.AddRange(NameChecks.Dns1123Label(Service, FieldPath.Child(path, "service")));
        problems.AddRange(PortChecks.OptionalNumber(Port, FieldPath.Child(path, "port")));
        var matchesPath = FieldPath.Child(path, "matches");
        problems.AddRange(RequestMatch.ValidateList(Matches, matchesPath));
        for (var i = 0; i < Matches.Count; i++)
        {
            if (Protocol == RouteProtocol.Grpc && (Matches[i].PathPrefix is not null || Matches[i].Method is not null))
            {
                problems.Add(new(FieldPath.Index(matchesPath, i), "a gRPC policy matches by grpcService and grpcMethod, not by path or method"));
            }
            if (Protocol == RouteProtocol.Http && Matches[i].IsGrpc)
            {
                problems.Add(new(FieldPath.Index(matchesPath, i), "an HTTP policy cannot match gRPC services; set protocol: grpc"));
            }
        }
        if (Timeouts is null && Retry is null)
        {
            problems.Add(new(path, "set timeouts, retry, or both"));
        }
        if (Timeouts is not null)
        {
            problems.AddRange(Timeouts.Validate(FieldPath.Child(path, "timeouts")));
        }
        if (Retry is not null)
        {
            var retryPath = FieldPath.Child(path, "retry");
            problems.AddRange(Retry.Validate(Protocol, retryPath));
            if (Protocol == RouteProtocol.Http && !Retry.AllowNonIdempotent)
            {
                problems.AddRange(NonIdempotentRetries(matchesPath, retryPath));
            }
            else if (Retry.AllowNonIdempotent && !CoversNonIdempotent())
            {
                // Kept canonical so a policy read back from a mesh (which has no such flag) equals the one written.
                problems.Add(new(FieldPath.Child(retryPath, "allowNonIdempotent"), "every request covered is idempotent (or gRPC); leave allowNonIdempotent out"));
            }
        }
        return problems;
    }

    /// <summary>Whether retries here could repeat a non-idempotent HTTP request.</summary>
    public bool CoversNonIdempotent() =>
        Protocol == RouteProtocol.Http && (Matches.Count == 0 || Matches.Any(m => m.Method is null || !HttpMethods.Idempotent.Contains(m.Method)));

    private IEnumerable<ValidationProblem> NonIdempotentRetries(string matchesPath, string retryPath)
    {
        if (Matches.Count == 0)
        {
            yield return new(FieldPath.Child(retryPath, "allowNonIdempotent"),
                "retries would cover every method, POST and PATCH included; match idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) or set allowNonIdempotent: true");
            yield break;
        }
        for (var i = 0; i < Matches.Count; i++)
        {
            var method = Matches[i].Method;
            if (method is null)
            {
                yield return new(FieldPath.Child(FieldPath.Index(matchesPath, i), "method"),
                    "retries need an idempotent method here (any method includes POST and PATCH), or set retry.allowNonIdempotent: true");
            }
            else if (!HttpMethods.Idempotent.Contains(method))
            {
                yield return new(FieldPath.Child(FieldPath.Index(matchesPath, i), "method"),
                    $"{method} is not idempotent; retrying it needs retry.allowNonIdempotent: true");
            }
        }
    }
}
