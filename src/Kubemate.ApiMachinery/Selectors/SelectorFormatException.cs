using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Selectors;

/// <summary>A label or field selector that cannot be parsed; the message says where and why.</summary>
public sealed class SelectorFormatException : FormatException
{
    public SelectorFormatException(string message)
        : base(message)
    {
        Violations = [];
    }

    public SelectorFormatException(IReadOnlyList<FieldViolation> violations)
        : base(ValidationMessages.Aggregate(violations))
    {
        Violations = violations;
    }

    /// <summary>The field violations behind the error, when the selector came from JSON.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }
}
