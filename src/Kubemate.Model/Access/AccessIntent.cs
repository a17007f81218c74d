using System.Text.Json.Serialization;
using Kubemate.Model.Collections;
using Kubemate.Model.Preservation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

/// <summary>
/// "These clients may call that port" — e.g. orders may call payment on 8080 with POST /api/pay.
/// Sources are alternatives; an intent with no sources declares the endpoint and lets nobody in.
/// </summary>
public sealed record AccessIntent : IMeshModel
{
    [JsonIgnore]
    public string ModelKind => "AccessIntent";

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public required AccessTarget To { get; init; }

    public ValueList<AccessSource> From { get; init; } = [];

    /// <summary>Allowed requests; empty allows every request (and any protocol).</summary>
    public ValueList<HttpAccessRule> Http { get; init; } = [];

    public PreservedData? Preserved { get; init; }

    public IMeshModel WithPreserved(PreservedData? preserved) => this with { Preserved = preserved };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(NameChecks.Dns1123Subdomain(Name, FieldPath.Child(path, "name")));
        problems.AddRange(NameChecks.OptionalDns1123Label(Namespace, FieldPath.Child(path, "namespace")));
        problems.AddRange(To.Validate(FieldPath.Child(path, "to")));
        var fromPath = FieldPath.Child(path, "from");
        for (var i = 0; i < From.Count; i++)
        {
            problems.AddRange(From[i].Validate(FieldPath.Index(fromPath, i)));
            if (From.Take(i).Contains(From[i]))
            {
                problems.Add(new(FieldPath.Index(fromPath, i), "duplicates an earlier source"));
            }
        }
        var httpPath = FieldPath.Child(path, "http");
        for (var i = 0; i < Http.Count; i++)
        {
            problems.AddRange(Http[i].Validate(FieldPath.Index(httpPath, i)));
            if (Http.Take(i).Contains(Http[i]))
            {
                problems.Add(new(FieldPath.Index(httpPath, i), "duplicates an earlier rule"));
            }
        }
        if (Http.Count > 0 && To.Protocol is AppProtocol.Opaque or AppProtocol.Tls)
        {
            problems.Add(new(httpPath, $"HTTP rules cannot apply to a {To.Protocol} port"));
        }
        return problems;
    }
}
