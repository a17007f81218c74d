namespace Kubemate.Schema.Cel;

/// <summary>The functions on lists: size and the Kubernetes list library (isSorted, sum, min, max, indexOf, lastIndexOf, join).</summary>
internal static class CelListFunctions
{
    public static object? Invoke(string name, CelList list, object?[] args, CelBudget budget)
    {
        switch (name, args.Length)
        {
            case ("size", 0):
                return (long)list.Count;
            case ("join", _):
                budget.Charge(list.Count);
                return CelStringFunctions.Join(list, args.Length > 0 ? CelFunctions.Text(args[0], name) : string.Empty, budget);
            case ("isSorted", 0):
                budget.Charge(list.Count);
                for (var i = 1; i < list.Count; i++)
                {
                    if (CelEquality.Compare(list.Items[i - 1], list.Items[i], budget) > 0)
                    {
                        return false;
                    }
                }
                return true;
            case ("sum", 0):
                budget.Charge(list.Count);
                if (list.Count == 0)
                {
                    return 0L;
                }
                var total = list.Items[0];
                foreach (var item in list.Items.Skip(1))
                {
                    total = CelOperators.Binary("+", total, item, budget);
                }
                return total;
            case ("min" or "max", 0):
                if (list.Count == 0)
                {
                    throw new CelEvaluationException($"{name} called on empty list");
                }
                budget.Charge(list.Count);
                var best = list.Items[0];
                foreach (var item in list.Items.Skip(1))
                {
                    var order = CelEquality.Compare(item, best, budget);
                    if (name == "min" ? order < 0 : order > 0)
                    {
                        best = item;
                    }
                }
                return best;
            case ("indexOf", 1):
                for (var i = 0; i < list.Count; i++)
                {
                    if (CelEquality.AreEqual(list.Items[i], args[0], budget))
                    {
                        return (long)i;
                    }
                }
                return -1L;
            case ("lastIndexOf", 1):
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (CelEquality.AreEqual(list.Items[i], args[0], budget))
                    {
                        return (long)i;
                    }
                }
                return -1L;
            default:
                throw CelEquality.NoOverload(name, [list, .. args]);
        }
    }
}
