namespace Kubemate.Schema;

/// <summary>The kinds of field errors apimachinery's <c>field.Error</c> reports, plus strict decoding's unknown fields.</summary>
public enum FieldErrorType
{
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    TypeInvalid,

    /// <summary>A field the schema does not declare (pruned by the apiserver; an error under strict field validation).</summary>
    UnknownField,
}

public static class FieldErrorTypeExtensions
{
    /// <summary>The words the apiserver prints for the type, e.g. <c>Unsupported value</c>.</summary>
    public static string Text(this FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        FieldErrorType.TypeInvalid => "Invalid value",
        FieldErrorType.UnknownField => "unknown field",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The <c>StatusCause</c> reason, e.g. <c>FieldValueNotSupported</c>.</summary>
    public static string CauseType(this FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "FieldValueNotFound",
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        FieldErrorType.Internal => "InternalError",
        FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
        // Strict decoding has no cause type of its own; the apiserver answers 400 with the message.
        FieldErrorType.UnknownField => "FieldValueInvalid",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Types whose message never shows the offending value (as apimachinery's <c>ErrorBody</c>).</summary>
    internal static bool OmitsValue(this FieldErrorType type) =>
        type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong or FieldErrorType.Internal;
}
