using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Egress;

/// <summary>A credential the egress gateway adds to every request to a destination, read from a Secret in the gateway's namespace.</summary>
public sealed record TokenInjection : IValidatable
{
    public required string SecretName { get; init; }

    public string SecretKey { get; init; } = "token";

    public string HeaderName { get; init; } = "Authorization";

    /// <summary>Written before the token, such as <c>Bearer </c>.</summary>
    public string ValuePrefix { get; init; } = "Bearer ";

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var problem in EdgeChecks.ObjectName(FieldPath.Child(path, "secretName"), SecretName))
        {
            yield return problem;
        }
        if (string.IsNullOrEmpty(SecretKey) || !SecretKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            yield return new(FieldPath.Child(path, "secretKey"), $"\"{SecretKey}\" is not a valid Secret key");
        }
        if (!EdgeSyntax.IsHeaderName(HeaderName))
        {
            yield return new(FieldPath.Child(path, "headerName"), $"\"{HeaderName}\" is not a valid header name");
        }
        if (ValuePrefix.Any(c => c is '"' or '\\' or '{' or '}' or '\'' or '\n' or '\r'))
        {
            yield return new(FieldPath.Child(path, "valuePrefix"), "must not contain quotes, backslashes, braces or line breaks");
        }
    }
}
