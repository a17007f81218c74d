namespace Kubemate.Schema.Cel;

/// <summary>A compiled rule: its checked expression and whether it is a transition rule (it reads <c>oldSelf</c>).</summary>
internal sealed record CelProgram(string Source, CelExpr Expression, bool UsesOldSelf)
{
    /// <summary>Evaluates with <c>self</c> (and <c>oldSelf</c> when given) within a cost limit.</summary>
    public object? Evaluate(object? self, bool hasOldSelf, object? oldSelf, CelBudget budget)
    {
        var scope = new CelScope("self", self, null);
        if (hasOldSelf)
        {
            scope = new CelScope("oldSelf", oldSelf, scope);
        }
        return new CelInterpreter(budget).Evaluate(Expression, scope);
    }
}
