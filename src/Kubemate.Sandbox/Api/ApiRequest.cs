using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Sandbox.Api;

/// <summary>A resource request after routing, authentication and authorization.</summary>
public sealed record ApiRequest(HttpContext Http, RequestInfo Info, ResourceType Type, SandboxIdentity User)
{
    public IQueryCollection Query => Http.Request.Query;

    public string Namespace => Type.Namespaced ? Info.Namespace : "";

    public ObjectKey Key(string name) => new(Type.StorageKey, Namespace, name);

    public bool DryRun => Query["dryRun"].Any(v => v == "All");

    public string? FieldManager => Query["fieldManager"].FirstOrDefault() is { Length: > 0 } manager ? manager : null;

    public bool Force => Query["force"].FirstOrDefault() == "true";

    /// <summary>Strict, Warn (the default) or Ignore, as sent by kubectl's --validate.</summary>
    public string FieldValidation => Query["fieldValidation"].FirstOrDefault() ?? "Warn";

    public string? UserAgent => Http.Request.Headers.UserAgent.FirstOrDefault();

    public bool WantsTable => Http.Request.Headers.Accept.Any(a => a is not null && a.Contains("as=Table", StringComparison.Ordinal));
}
