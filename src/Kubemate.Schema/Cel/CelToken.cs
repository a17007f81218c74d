namespace Kubemate.Schema.Cel;

internal enum CelTokenKind
{
    End,
    Identifier,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    Punctuation,
}

/// <summary>One lexical token of a CEL expression; <see cref="Position"/> is the code-unit offset in the source.</summary>
internal sealed record CelToken(CelTokenKind Kind, string Text, object? Value, int Position);
