namespace Kubemate.ApiMachinery.Validation;

/// <summary>
/// The kinds of field violation the apiserver reports (apimachinery's <c>field.ErrorType</c>),
/// as the short names used in <see cref="FieldViolation.Type"/>.
/// </summary>
public static class ViolationType
{
    public const string Required = "Required";
    public const string Invalid = "Invalid";
    public const string TooLong = "TooLong";
    public const string Forbidden = "Forbidden";
    public const string NotSupported = "NotSupported";
    public const string Duplicate = "Duplicate";
    public const string NotFound = "NotFound";

    /// <summary>The words the apiserver prints for a type, e.g. <c>Invalid value</c>.</summary>
    public static string Describe(string type) => type switch
    {
        Required => "Required value",
        Invalid => "Invalid value",
        TooLong => "Too long",
        Forbidden => "Forbidden",
        NotSupported => "Unsupported value",
        Duplicate => "Duplicate value",
        NotFound => "Not found",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown violation type"),
    };

    /// <summary>The <c>reason</c> of a Status cause, e.g. <c>FieldValueInvalid</c>.</summary>
    public static string CauseType(string type) => type switch
    {
        Required => "FieldValueRequired",
        Invalid => "FieldValueInvalid",
        TooLong => "FieldValueTooLong",
        Forbidden => "FieldValueForbidden",
        NotSupported => "FieldValueNotSupported",
        Duplicate => "FieldValueDuplicate",
        NotFound => "FieldValueNotFound",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown violation type"),
    };

    /// <summary>Types whose message never repeats the offending value.</summary>
    internal static bool OmitsValue(string type) => type is Required or Forbidden or TooLong;
}
