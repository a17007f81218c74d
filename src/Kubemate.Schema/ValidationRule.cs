using Kubemate.Schema.Cel;

namespace Kubemate.Schema;

/// <summary>
/// One entry of <c>x-kubernetes-validations</c>: a CEL rule with its message (or message expression), the field
/// path and reason a failure is reported with, and whether a transition rule also runs on create
/// (<c>optionalOldSelf</c>). <see cref="CompileError"/> is set when the rule does not compile; the apiserver then
/// refuses the CRD.
/// </summary>
public sealed record ValidationRule(string Rule, string? Message, string? MessageExpression, string? FieldPath, string? Reason, bool OptionalOldSelf)
{
    internal CelProgram? Program { get; init; }

    internal CelProgram? MessageProgram { get; init; }

    /// <summary>Why <see cref="Rule"/> does not compile (<c>compilation failed: ERROR: &lt;input&gt;:1:6: ...</c>), or null.</summary>
    public string? CompileError { get; init; }

    /// <summary>Why <see cref="MessageExpression"/> does not compile, or null.</summary>
    public string? MessageExpressionError { get; init; }

    /// <summary>True when the rule reads <c>oldSelf</c>: it runs only on updates (and on creates with <see cref="OptionalOldSelf"/>).</summary>
    public bool IsTransitionRule => Program?.UsesOldSelf == true;
}
