namespace Kubemate.Schema;

/// <summary>A schema keyword has the wrong shape (e.g. <c>required</c> is not a list of strings).</summary>
public sealed class SchemaFormatException(string field, string reason)
    : FormatException($"{(field.Length == 0 ? "<root>" : field)}: {reason}")
{
    /// <summary>The path of the offending keyword, e.g. <c>properties[spec].required</c>.</summary>
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
