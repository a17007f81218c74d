namespace Kubemate.ApiMachinery.Selectors;

/// <summary>One term of a field selector: a dotted field path, <c>=</c>/<c>==</c> or <c>!=</c>, and a value.</summary>
public sealed record FieldRequirement(string Field, SelectorOperator Operator, string Value)
{
    /// <summary>Matches the field's value rendered as a string; a missing field has the empty value.</summary>
    public bool Matches(string? actual) =>
        Operator == SelectorOperator.NotEquals ? (actual ?? "") != Value : (actual ?? "") == Value;

    public override string ToString()
    {
        var op = Operator switch
        {
            SelectorOperator.NotEquals => "!=",
            SelectorOperator.DoubleEquals => "==",
            _ => "=",
        };
        return Field + op + FieldSelector.EscapeValue(Value);
    }
}
