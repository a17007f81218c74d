using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Caps the number of requests being served at once.</summary>
public sealed record InFlightRequestMiddleware : MiddlewareSpec
{
    protected override string KindField => "inFlightReq";

    public long? Amount { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (Amount is null or <= 0)
        {
            yield return new(FieldPath.Child(path, "amount"), Amount is null ? "is required" : $"{Amount} must be positive");
        }
    }
}
