namespace Kubemate.Schema.Cel;

/// <summary>
/// The cost limit of one rule evaluation, in the spirit of the apiserver's: every step of the interpreter costs one
/// unit, and work over strings and lists costs in proportion to their size. Exceeding it stops the evaluation.
/// </summary>
internal sealed class CelBudget(long limit)
{
    /// <summary>The apiserver's per-call limit for CRD validation rules.</summary>
    public const long PerCallLimit = 1_000_000;

    /// <summary>The apiserver's budget for all rules of one object.</summary>
    public const long PerObjectLimit = 10_000_000;

    /// <summary>The longest string a rule may build (concatenation, replace, join, format).</summary>
    public const int MaxStringLength = 1 << 20;

    public long Used { get; private set; }

    public void Charge(long cost)
    {
        Used += cost;
        if (Used > limit)
        {
            throw new CelCostExceededException();
        }
    }

    public void ChargeString(string text) => Charge(1 + (text.Length / 10));

    public string Built(string text)
    {
        if (text.Length > MaxStringLength)
        {
            throw new CelEvaluationException($"string of {text.Length} characters exceeds the limit of {MaxStringLength}");
        }
        ChargeString(text);
        return text;
    }
}
