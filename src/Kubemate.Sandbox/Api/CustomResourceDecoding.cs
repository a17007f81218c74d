using System.Text.Json.Nodes;
using Kubemate.Sandbox.Http;
using Kubemate.Schema;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// What the apiserver does to a custom resource as it decodes it: drop fields the schema does not know (reported
/// as warnings, or as an error under <c>fieldValidation=Strict</c>) and fill in schema defaults.
/// </summary>
public static class CustomResourceDecoding
{
    public static IReadOnlyList<string> Prepare(ApiRequest request, JsonObject obj)
    {
        var schema = request.Type.Custom?.Schema;
        if (schema is null)
        {
            return [];
        }
        var pruned = Pruner.Prune(obj, schema);
        Defaulter.ApplyDefaults(obj, schema);
        var messages = pruned.Select(path => $"unknown field \"{path}\"").ToList();
        if (messages.Count > 0 && request.FieldValidation == "Strict")
        {
            throw ApiError.BadRequest("strict decoding error: " + string.Join(", ", messages));
        }
        return request.FieldValidation == "Ignore" ? [] : messages;
    }
}
