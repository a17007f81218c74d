namespace Kubemate.Model.Validation;

/// <summary>A model object that reports every problem it has at once, each with its field path.</summary>
public interface IValidatable
{
    /// <param name="path">The path of this object inside its parent ("" at the root).</param>
    IEnumerable<ValidationProblem> Validate(string path = "");
}
