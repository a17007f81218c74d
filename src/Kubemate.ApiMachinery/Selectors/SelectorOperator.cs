namespace Kubemate.ApiMachinery.Selectors;

/// <summary>How a selector requirement relates a key to its values.</summary>
public enum SelectorOperator
{
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}
