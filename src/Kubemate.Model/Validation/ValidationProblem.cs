namespace Kubemate.Model.Validation;

/// <summary>One thing wrong with a model object: where (a field path such as <c>backends[1].weight</c>) and why.</summary>
public sealed record ValidationProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
