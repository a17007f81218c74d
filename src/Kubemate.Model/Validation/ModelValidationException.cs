namespace Kubemate.Model.Validation;

/// <summary>Thrown instead of rendering when a model is invalid; carries every problem found.</summary>
public sealed class ModelValidationException : Exception
{
    public ModelValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Throws when <paramref name="model"/> has problems; does nothing otherwise.</summary>
    public static void ThrowIfInvalid(IValidatable model)
    {
        var problems = model.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
    }

    private static string Describe(IReadOnlyList<ValidationProblem> problems) =>
        $"the model is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):" + string.Concat(problems.Select(p => "\n- " + p));
}
