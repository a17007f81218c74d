using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Egress;

/// <summary>
/// An outside service reached only through the egress gateway. Workloads call
/// <c>http://&lt;gateway&gt;.&lt;namespace&gt;:&lt;port&gt;/&lt;name&gt;/…</c>; the gateway strips the prefix, rewrites headers,
/// injects the token and calls <see cref="Host"/>.
/// </summary>
public sealed record EgressDestination : IValidatable
{
    public required string Name { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; } = 443;

    /// <summary><c>https</c> (default) or <c>http</c>.</summary>
    public string Scheme { get; init; } = "https";

    /// <summary>Headers set on the way out; an empty value removes the header.</summary>
    public IReadOnlyDictionary<string, string>? SetRequestHeaders { get; init; }

    public TokenInjection? Token { get; init; }

    /// <summary>Where the destination's addresses lie; empty means any address on <see cref="Port"/> (NetworkPolicy cannot name hosts).</summary>
    public IReadOnlyList<string>? Cidrs { get; init; }

    public string PathPrefix => "/" + Name;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "name"), Name));
        problems.AddRange(EdgeChecks.HostName(FieldPath.Child(path, "host"), Host));
        problems.AddRange(EdgeChecks.Port(FieldPath.Child(path, "port"), Port));
        if (Scheme is not ("https" or "http"))
        {
            problems.Add(new(FieldPath.Child(path, "scheme"), $"\"{Scheme}\" is not http or https"));
        }
        foreach (var (header, value) in SetRequestHeaders ?? new Dictionary<string, string>())
        {
            if (!EdgeSyntax.IsHeaderName(header) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                problems.Add(new(FieldPath.Key(FieldPath.Child(path, "setRequestHeaders"), header), "is not a valid header name and value"));
            }
        }
        if (Token is not null)
        {
            problems.AddRange(Token.Validate(FieldPath.Child(path, "token")));
            if (SetRequestHeaders?.Keys.Any(k => string.Equals(k, Token.HeaderName, StringComparison.OrdinalIgnoreCase)) == true)
            {
                problems.Add(new(FieldPath.Child(FieldPath.Child(path, "token"), "headerName"), $"{Token.HeaderName} is also set by setRequestHeaders"));
            }
        }
        var cidrsPath = FieldPath.Child(path, "cidrs");
        for (var i = 0; i < (Cidrs?.Count ?? 0); i++)
        {
            problems.AddRange(EdgeChecks.Cidr(FieldPath.Index(cidrsPath, i), Cidrs![i]));
        }
        return problems;
    }
}
