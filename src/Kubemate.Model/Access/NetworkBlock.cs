using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

/// <summary>A client network: a CIDR, minus the addresses in <see cref="Except"/>.</summary>
public sealed record NetworkBlock : IValidatable
{
    public required string Cidr { get; init; }

    public ValueList<string> Except { get; init; } = [];

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var cidrPath = FieldPath.Child(path, "cidr");
        var cidrProblems = CidrChecks.Cidr(Cidr, cidrPath).ToList();
        foreach (var problem in cidrProblems)
        {
            yield return problem;
        }
        for (var i = 0; i < Except.Count; i++)
        {
            var exceptPath = FieldPath.Index(FieldPath.Child(path, "except"), i);
            var exceptProblems = CidrChecks.Cidr(Except[i], exceptPath).ToList();
            foreach (var problem in exceptProblems)
            {
                yield return problem;
            }
            if (cidrProblems.Count == 0 && exceptProblems.Count == 0
                && CidrChecks.TryParse(Cidr, out var outer) && CidrChecks.TryParse(Except[i], out var inner) && !CidrChecks.Contains(outer, inner))
            {
                yield return new(exceptPath, $"'{Except[i]}' is not inside {Cidr}");
            }
        }
    }
}
