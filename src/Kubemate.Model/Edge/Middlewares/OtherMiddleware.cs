using System.Text.Json.Nodes;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>A middleware kind the model does not break down (addPrefix, errors, retry, plugin …), kept verbatim.</summary>
public sealed record OtherMiddleware : MiddlewareSpec
{
    /// <summary>The kind's field name in the edge's Middleware spec.</summary>
    public required string Kind { get; init; }

    public JsonNode? Configuration { get; init; }

    protected override string KindField => Kind;

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (string.IsNullOrWhiteSpace(Kind))
        {
            yield return new(FieldPath.Child(path, "kind"), "is required");
        }
    }
}
