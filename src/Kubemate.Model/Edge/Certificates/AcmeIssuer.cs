using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Certificates;

/// <summary>An ACME account that proves control of public names with HTTP-01 challenges served through the edge's ingress class.</summary>
public sealed record AcmeIssuer : IValidatable
{
    /// <summary>The ACME directory URL (https).</summary>
    public required string Server { get; init; }

    public string? Email { get; init; }

    /// <summary>The Secret that holds the ACME account key (cert-manager creates it).</summary>
    public required string AccountKeySecretName { get; init; }

    /// <summary>The ingress class whose controller serves the HTTP-01 challenges.</summary>
    public string IngressClassName { get; init; } = "traefik";

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        if (!Uri.TryCreate(Server, UriKind.Absolute, out var server) || server.Scheme != "https")
        {
            problems.Add(new(FieldPath.Child(path, "server"), $"\"{Server}\" is not an https URL"));
        }
        if (Email is not null && (Email.Count(c => c == '@') != 1 || Email.StartsWith('@') || !EdgeSyntax.IsHostName(Email[(Email.IndexOf('@') + 1)..].ToLowerInvariant())))
        {
            problems.Add(new(FieldPath.Child(path, "email"), $"\"{Email}\" is not an e-mail address"));
        }
        problems.AddRange(EdgeChecks.ObjectName(FieldPath.Child(path, "accountKeySecretName"), AccountKeySecretName));
        problems.AddRange(EdgeChecks.ObjectName(FieldPath.Child(path, "ingressClassName"), IngressClassName));
        return problems;
    }
}
