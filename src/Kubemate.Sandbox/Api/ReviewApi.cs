using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Rbac;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// The create-only review resources: access reviews (what <c>kubectl auth can-i</c> asks), rules reviews,
/// self-subject reviews (<c>kubectl auth whoami</c>) and token reviews. Nothing is stored.
/// </summary>
public sealed class ReviewApi(SandboxAuthorizer authorizer, TokenAuthenticator authenticator, SandboxOptions options)
{
    public async Task Handle(ApiRequest request)
    {
        if (request.Info.Verb != "create")
        {
            throw ApiError.MethodNotAllowed($"{request.Type.Plural} only supports create");
        }
        var body = await RequestBody.ReadBytes(request.Http, options.MaxRequestBytes);
        var review = RequestBody.ParseObject(body, RequestBody.MediaType(request.Http), options.MaxRequestBytes);
        review["apiVersion"] = request.Type.GroupVersion;
        review["kind"] = request.Type.Kind;
        review["status"] = request.Type.Kind switch
        {
            "SelfSubjectAccessReview" => AccessStatus(review, request.User),
            "SubjectAccessReview" or "LocalSubjectAccessReview" => AccessStatus(review, SubjectOf(review)),
            "SelfSubjectRulesReview" => RulesStatus(review, request.User),
            "SelfSubjectReview" => new JsonObject { ["userInfo"] = UserInfoJson(request.User) },
            "TokenReview" => TokenStatus(review),
            _ => throw ApiError.MethodNotAllowed($"{request.Type.Kind} is not a review kind"),
        };
        if (request.Type.Kind == "LocalSubjectAccessReview" && review.GetString("spec", "resourceAttributes", "namespace") is { } ns && ns != request.Info.Namespace)
        {
            throw ApiError.BadRequest("spec.resourceAttributes.namespace must match the namespace of the request");
        }
        await ResponseWriter.WriteJson(request.Http, 201, review);
    }

    private JsonObject AccessStatus(JsonObject review, SandboxIdentity subject)
    {
        RequestAttributes attributes;
        if (review.At("spec", "resourceAttributes") is JsonObject resource)
        {
            attributes = new RequestAttributes(
                resource.GetString("verb") ?? "",
                resource.GetString("group") ?? "",
                resource.GetString("resource") ?? "",
                resource.GetString("subresource") is { Length: > 0 } sub ? sub : null,
                resource.GetString("namespace") is { Length: > 0 } ns ? ns : null,
                resource.GetString("name") is { Length: > 0 } name ? name : null,
                true,
                null);
        }
        else if (review.At("spec", "nonResourceAttributes") is JsonObject nonResource)
        {
            attributes = new RequestAttributes(nonResource.GetString("verb") ?? "", null, null, null, null, null, false, nonResource.GetString("path") ?? "/");
        }
        else
        {
            throw ApiError.Invalid(ApiGroup, review.GetString("kind") ?? "", "",
                [new StatusCause("FieldValueRequired", "spec: Required value: exactly one of resourceAttributes or nonResourceAttributes must be set", "spec")]);
        }
        var decision = authorizer.Current.Authorize(SandboxAuthorizer.ToUser(subject), attributes);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        // As the RBAC authorizer does: a reason when allowed ("RBAC: allowed by …"), none when it has no opinion.
        if (decision.Allowed && !string.IsNullOrEmpty(decision.Reason))
        {
            status["reason"] = decision.Reason;
        }
        return status;
    }

    private const string ApiGroup = "authorization.k8s.io";

    private static SandboxIdentity SubjectOf(JsonObject review)
    {
        var user = review.GetString("spec", "user");
        var groups = (review.At("spec", "groups") as JsonArray ?? []).Select(g => g?.GetValue<string>() ?? "").Where(g => g.Length > 0).ToList();
        if (string.IsNullOrEmpty(user) && groups.Count == 0)
        {
            throw ApiError.Invalid(ApiGroup, review.GetString("kind") ?? "", "",
                [new StatusCause("FieldValueRequired", "spec.user: Invalid value: \"\": at least one of user or group must be specified", "spec.user")]);
        }
        return new SandboxIdentity(user ?? "", groups);
    }

    private JsonObject RulesStatus(JsonObject review, SandboxIdentity user)
    {
        var ns = review.GetString("spec", "namespace");
        return authorizer.Current.RulesReview(SandboxAuthorizer.ToUser(user), string.IsNullOrEmpty(ns) ? null : ns).ToStatusJson();
    }

    private JsonObject TokenStatus(JsonObject review)
    {
        var token = review.GetString("spec", "token") ?? "";
        var identity = authenticator.Authenticate("Bearer " + token);
        return identity is null
            ? new JsonObject { ["authenticated"] = false, ["error"] = "invalid bearer token" }
            : new JsonObject { ["authenticated"] = true, ["user"] = UserInfoJson(identity) };
    }

    private static JsonObject UserInfoJson(SandboxIdentity user) => new()
    {
        ["username"] = user.Name,
        ["groups"] = new JsonArray(user.EffectiveGroups.Select(g => (JsonNode)g).ToArray()),
    };
}
