using System.Text.Json.Nodes;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>A named middleware at the edge: one of the modelled kinds, or another kind kept verbatim.</summary>
public sealed record Middleware : IValidatable
{
    public const string RedirectToHttpsName = "redirect-to-https";

    public required EdgeObjectMeta Metadata { get; init; }

    public MiddlewareSpec? Spec { get; init; }

    /// <summary>Fields of the object the model does not understand, by their place in the object, carried through untouched.</summary>
    public JsonObject? UnknownFields { get; init; }

    /// <summary>The standard permanent redirect from http to https that routes on the plain entry point use.</summary>
    public static Middleware RedirectToHttps(string? @namespace = null) => new()
    {
        Metadata = EdgeObjectMeta.Named(RedirectToHttpsName, @namespace),
        Spec = new RedirectSchemeMiddleware { Scheme = "https", Permanent = true },
    };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        if (Spec is null)
        {
            if (UnknownFields?["spec"] is null)
            {
                problems.Add(new(FieldPath.Child(path, "spec"), "is required: say what the middleware does"));
            }
        }
        else
        {
            problems.AddRange(Spec.Validate(FieldPath.Child(path, "spec")));
        }
        return problems;
    }
}
