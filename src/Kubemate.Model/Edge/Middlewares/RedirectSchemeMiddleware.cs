using System.Globalization;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Redirects requests to another scheme (http to https) and optionally another port.</summary>
public sealed record RedirectSchemeMiddleware : MiddlewareSpec
{
    protected override string KindField => "redirectScheme";

    public string? Scheme { get; init; }

    /// <summary>The port to redirect to, as text (the edge's field is a string).</summary>
    public string? Port { get; init; }

    public bool? Permanent { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (Scheme is not ("https" or "http"))
        {
            yield return new(FieldPath.Child(path, "scheme"), Scheme is null ? "is required" : $"\"{Scheme}\" is not http or https");
        }
        if (Port is not null && !(long.TryParse(Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && EdgeSyntax.IsPortNumber(port)))
        {
            yield return new(FieldPath.Child(path, "port"), $"\"{Port}\" is not a port number (1 to 65535)");
        }
    }
}
