using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Adds or removes request and response headers, and sets the security headers (HSTS, CSP, frame options).</summary>
public sealed record HeadersMiddleware : MiddlewareSpec
{
    protected override string KindField => "headers";

    /// <summary>Headers set on the request; an empty value removes the header.</summary>
    public IReadOnlyDictionary<string, string>? CustomRequestHeaders { get; init; }

    /// <summary>Headers set on the response; an empty value removes the header.</summary>
    public IReadOnlyDictionary<string, string>? CustomResponseHeaders { get; init; }

    /// <summary>HSTS max-age in seconds.</summary>
    public long? StsSeconds { get; init; }

    public bool? StsIncludeSubdomains { get; init; }

    public bool? StsPreload { get; init; }

    public bool? ForceStsHeader { get; init; }

    public string? ContentSecurityPolicy { get; init; }

    /// <summary>Sends <c>X-Frame-Options: DENY</c>.</summary>
    public bool? FrameDeny { get; init; }

    /// <summary>Another X-Frame-Options value, such as <c>SAMEORIGIN</c>.</summary>
    public string? CustomFrameOptionsValue { get; init; }

    public bool? ContentTypeNosniff { get; init; }

    public bool? BrowserXssFilter { get; init; }

    public string? ReferrerPolicy { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(HeaderNames(FieldPath.Child(path, "customRequestHeaders"), CustomRequestHeaders));
        problems.AddRange(HeaderNames(FieldPath.Child(path, "customResponseHeaders"), CustomResponseHeaders));
        if (StsSeconds < 0)
        {
            problems.Add(new(FieldPath.Child(path, "stsSeconds"), $"{StsSeconds} is negative"));
        }
        if ((StsPreload == true || StsIncludeSubdomains == true) && StsSeconds is null or 0)
        {
            problems.Add(new(FieldPath.Child(path, "stsSeconds"), "must be set when HSTS subdomains or preload are on"));
        }
        if (FrameDeny == true && CustomFrameOptionsValue is not null)
        {
            problems.Add(new(FieldPath.Child(path, "customFrameOptionsValue"), "cannot be combined with frameDeny"));
        }
        if (CustomFrameOptionsValue is not null && CustomFrameOptionsValue is not ("DENY" or "SAMEORIGIN"))
        {
            problems.Add(new(FieldPath.Child(path, "customFrameOptionsValue"), $"\"{CustomFrameOptionsValue}\" is not DENY or SAMEORIGIN"));
        }
        if (ContentSecurityPolicy is not null && ContentSecurityPolicy.Trim().Length == 0)
        {
            problems.Add(new(FieldPath.Child(path, "contentSecurityPolicy"), "must not be blank"));
        }
        return problems;
    }

    private static IEnumerable<ValidationProblem> HeaderNames(string path, IReadOnlyDictionary<string, string>? headers) =>
        (headers ?? new Dictionary<string, string>())
            .Where(h => !EdgeSyntax.IsHeaderName(h.Key) || h.Value.Contains('\n', StringComparison.Ordinal) || h.Value.Contains('\r', StringComparison.Ordinal))
            .Select(h => new ValidationProblem(FieldPath.Key(path, h.Key), EdgeSyntax.IsHeaderName(h.Key) ? "the value must not contain line breaks" : "is not a valid header name"));
}
