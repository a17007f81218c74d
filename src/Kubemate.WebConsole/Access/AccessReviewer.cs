using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kubemate.WebConsole.Session;

namespace Kubemate.WebConsole.Access;

/// <summary>
/// Asks Kubernetes (SelfSubjectAccessReview, as the impersonated user) whether an action is allowed, so pages show
/// only what the user may do. Answers are kept for the circuit for <see cref="Lifetime"/>.
/// </summary>
public sealed class AccessReviewer(ConsoleSession session, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const string ReviewPath = "apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private readonly ConcurrentDictionary<string, (AccessDecision Decision, DateTimeOffset At)> _answers = new();

    /// <summary>Whether the user may <paramref name="verb"/> the <paramref name="resource"/> (group "" = core) named <paramref name="name"/>.</summary>
    public async Task<AccessDecision> CanAsync(string verb, string group, string resource, string? ns, string? name, CancellationToken cancellationToken)
    {
        var key = string.Join('\n', verb, group, resource, ns, name);
        if (_answers.TryGetValue(key, out var known) && time.GetUtcNow() - known.At < Lifetime)
        {
            return known.Decision;
        }
        var api = await session.ApiAsync();
        var answer = await api.SendAsync(HttpMethod.Post, ReviewPath, Review(verb, group, resource, ns, name), null, cancellationToken);
        var decision = Read(answer);
        _answers[key] = (decision, time.GetUtcNow());
        return decision;
    }

    /// <summary>May the user switch mesh injection for a namespace (patch the Namespace object)?</summary>
    public Task<AccessDecision> CanSwitchInjectionAsync(string ns, CancellationToken cancellationToken) =>
        CanAsync("patch", "", "namespaces", null, ns, cancellationToken);

    internal static JsonObject Review(string verb, string group, string resource, string? ns, string? name)
    {
        var attributes = new JsonObject { ["verb"] = verb, ["group"] = group, ["resource"] = resource };
        if (ns is not null)
        {
            attributes["namespace"] = ns;
        }
        if (name is not null)
        {
            attributes["name"] = name;
        }
        return new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject { ["resourceAttributes"] = attributes },
        };
    }

    internal static AccessDecision Read(JsonObject review)
    {
        var status = review["status"] as JsonObject;
        var allowed = status?["allowed"]?.GetValue<bool>() == true && status["denied"]?.GetValue<bool>() != true;
        var reason = (string?)status?["reason"] ?? (string?)status?["evaluationError"] ?? "";
        return new AccessDecision(allowed, reason);
    }
}
