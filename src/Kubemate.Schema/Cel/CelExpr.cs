namespace Kubemate.Schema.Cel;

/// <summary>A node of a parsed CEL expression. <see cref="Depth"/> is the height of its subtree, bounded by the parser.</summary>
internal abstract record CelExpr(int Position)
{
    public int Depth { get; init; } = 1;
}

internal sealed record CelLiteral(int Position, object? Value) : CelExpr(Position);

internal sealed record CelIdent(int Position, string Name) : CelExpr(Position);

/// <summary><c>operand.field</c>; with <see cref="TestOnly"/> it is the <c>has(operand.field)</c> macro.</summary>
internal sealed record CelSelect(int Position, CelExpr Operand, string Field, bool TestOnly) : CelExpr(Position);

/// <summary>A function call, global (<c>size(x)</c>) or on a receiver (<c>x.size()</c>).</summary>
internal sealed record CelCall(int Position, CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args) : CelExpr(Position);

internal sealed record CelIndex(int Position, CelExpr Operand, CelExpr Key) : CelExpr(Position);

internal sealed record CelListLiteral(int Position, IReadOnlyList<CelExpr> Items) : CelExpr(Position);

internal sealed record CelMapLiteral(int Position, IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr(Position);

/// <summary>The macros over lists and maps: all, exists, exists_one, map (with an optional filter) and filter.</summary>
internal sealed record CelComprehension(int Position, string Macro, string Variable, CelExpr Range, CelExpr Body, CelExpr? Transform)
    : CelExpr(Position);

internal sealed record CelConditional(int Position, CelExpr Condition, CelExpr Then, CelExpr Else) : CelExpr(Position);

internal sealed record CelUnary(int Position, string Operator, CelExpr Operand) : CelExpr(Position);

internal sealed record CelBinary(int Position, string Operator, CelExpr Left, CelExpr Right) : CelExpr(Position);
