using System.Text.Json.Serialization;
using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Traffic;

/// <summary>
/// Which requests a rule applies to; every given condition must hold. HTTP: path prefix, method, headers.
/// gRPC: service and method names.
/// </summary>
public sealed record RequestMatch : IValidatable
{
    /// <summary>A path prefix matched segment by segment (<c>/api</c> matches <c>/api</c> and <c>/api/x</c>, not <c>/apix</c>).</summary>
    public string? PathPrefix { get; init; }

    public string? Method { get; init; }

    public ValueList<HeaderMatch> Headers { get; init; } = [];

    /// <summary>gRPC only: the fully qualified service, e.g. <c>shop.Payment</c>.</summary>
    public string? GrpcService { get; init; }

    /// <summary>gRPC only: the method, e.g. <c>Charge</c>.</summary>
    public string? GrpcMethod { get; init; }

    [JsonIgnore]
    public bool IsGrpc => GrpcService is not null || GrpcMethod is not null;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (PathPrefix is null && Method is null && Headers.Count == 0 && !IsGrpc)
        {
            yield return new(path, "a match needs at least one condition (pathPrefix, method, headers, grpcService or grpcMethod)");
        }
        if (IsGrpc && (PathPrefix is not null || Method is not null))
        {
            yield return new(path, "a match is either HTTP (pathPrefix, method) or gRPC (grpcService, grpcMethod), not both");
        }
        if (PathPrefix is not null && (!PathPrefix.StartsWith('/') || PathPrefix.Contains('*') || PathPrefix.Contains('?')))
        {
            yield return new(FieldPath.Child(path, "pathPrefix"), $"'{PathPrefix}' must start with '/' and hold no '*' or '?'");
        }
        if (Method is not null)
        {
            foreach (var problem in HttpMethods.Method(Method, FieldPath.Child(path, "method")))
            {
                yield return problem;
            }
        }
        for (var i = 0; i < Headers.Count; i++)
        {
            foreach (var problem in Headers[i].Validate(FieldPath.Index(FieldPath.Child(path, "headers"), i)))
            {
                yield return problem;
            }
        }
        if (Headers.Select(h => h.Name.ToLowerInvariant()).Distinct().Count() != Headers.Count)
        {
            yield return new(FieldPath.Child(path, "headers"), "a header is matched twice");
        }
    }

    /// <summary>Problems of a list of matches, including duplicates.</summary>
    public static IEnumerable<ValidationProblem> ValidateList(ValueList<RequestMatch> matches, string path)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            var itemPath = FieldPath.Index(path, i);
            foreach (var problem in matches[i].Validate(itemPath))
            {
                yield return problem;
            }
            var first = IndexOf(matches, matches[i]);
            if (first < i)
            {
                yield return new(itemPath, $"duplicates {FieldPath.Index(path, first)}");
            }
        }
    }

    private static int IndexOf(ValueList<RequestMatch> matches, RequestMatch match)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i].Equals(match))
            {
                return i;
            }
        }
        return -1;
    }
}
