namespace Kubemate.Schema.Cel;

/// <summary>
/// A recursive-descent parser for CEL's grammar with the standard macros expanded. Nesting is bounded (parentheses,
/// calls and the height of the tree) so that a hostile rule is refused instead of exhausting the stack.
/// </summary>
internal sealed class CelParser
{
    public const int MaxSourceLength = 64 * 1024;
    public const int MaxRecursion = 100;
    public const int MaxTreeHeight = 250;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while", "in",
    };

    private static readonly HashSet<string> ComprehensionMacros = new(StringComparer.Ordinal) { "all", "exists", "exists_one", "map", "filter" };

    private readonly string source;
    private readonly List<CelToken> tokens;
    private int next;
    private int recursion;

    private CelParser(string source)
    {
        this.source = source;
        tokens = CelLexer.Tokenize(source);
    }

    public static CelExpr Parse(string source)
    {
        if (source.Length > MaxSourceLength)
        {
            throw new CelSyntaxException($"ERROR: <input>:1:1: expression code point size exceeds limit: size: {source.Length}, limit {MaxSourceLength}");
        }
        var parser = new CelParser(source);
        var expr = parser.ParseExpr();
        if (parser.Peek.Kind != CelTokenKind.End)
        {
            throw parser.Error(parser.Peek, $"Syntax error: extraneous input '{parser.Peek.Text}'");
        }
        return expr;
    }

    private CelToken Peek => tokens[next];

    private CelToken Take() => tokens[next++];

    private bool IsPunct(string text) => Peek.Kind == CelTokenKind.Punctuation && Peek.Text == text;

    private bool IsKeyword(string text) => Peek.Kind == CelTokenKind.Identifier && Peek.Text == text;

    private CelToken Expect(string text)
    {
        if (!IsPunct(text))
        {
            throw Error(Peek, Peek.Kind == CelTokenKind.End
                ? $"Syntax error: mismatched input '<EOF>' expecting '{text}'"
                : $"Syntax error: mismatched input '{Peek.Text}' expecting '{text}'");
        }
        return Take();
    }

    private CelSyntaxException Error(CelToken token, string reason) => CelSyntaxException.At(source, token.Position, reason);

    private T Node<T>(T node, params CelExpr?[] children) where T : CelExpr
    {
        var depth = 1 + children.Where(child => child is not null).Select(child => child!.Depth).DefaultIfEmpty(0).Max();
        if (depth > MaxTreeHeight)
        {
            throw CelSyntaxException.At(source, node.Position, $"expression nested too deeply: more than {MaxTreeHeight} levels");
        }
        return node with { Depth = depth };
    }

    private CelExpr ParseExpr()
    {
        if (++recursion > MaxRecursion)
        {
            throw Error(Peek, $"Syntax error: exceeded max recursion depth of {MaxRecursion}");
        }
        try
        {
            var condition = ParseOr();
            if (!IsPunct("?"))
            {
                return condition;
            }
            var at = Take().Position;
            var then = ParseOr();
            Expect(":");
            var otherwise = ParseExpr();
            return Node(new CelConditional(at, condition, then, otherwise), condition, then, otherwise);
        }
        finally
        {
            recursion--;
        }
    }

    private CelExpr ParseOr() => ParseLeftAssociative(ParseAnd, "||");

    private CelExpr ParseAnd() => ParseLeftAssociative(ParseRelation, "&&");

    private CelExpr ParseRelation() => ParseLeftAssociative(ParseAddition, "==", "!=", "<", "<=", ">", ">=", "in");

    private CelExpr ParseAddition() => ParseLeftAssociative(ParseMultiplication, "+", "-");

    private CelExpr ParseMultiplication() => ParseLeftAssociative(ParseUnary, "*", "/", "%");

    private CelExpr ParseLeftAssociative(Func<CelExpr> operand, params string[] operators)
    {
        var left = operand();
        while (operators.Any(op => op == "in" ? IsKeyword("in") : IsPunct(op)))
        {
            var token = Take();
            var right = operand();
            left = Node(new CelBinary(token.Position, token.Text, left, right), left, right);
        }
        return left;
    }

    private CelExpr ParseUnary()
    {
        if (IsPunct("!") || IsPunct("-"))
        {
            var token = Take();
            if (token.Text == "-" && Peek.Kind is CelTokenKind.Int or CelTokenKind.Double && !IsMemberAccessAfterLiteral())
            {
                var literal = ParseMember();
                if (literal is CelLiteral { Value: ulong magnitude } && magnitude <= (ulong)long.MaxValue + 1)
                {
                    return new CelLiteral(token.Position, magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude);
                }
                if (literal is CelLiteral { Value: double number })
                {
                    return new CelLiteral(token.Position, -number);
                }
                return Node(new CelUnary(token.Position, "-", literal), literal);
            }
            var operand = ParseUnaryChain();
            return Node(new CelUnary(token.Position, token.Text, operand), operand);
        }
        return ParseMember();
    }

    private bool IsMemberAccessAfterLiteral() =>
        tokens[next + 1].Kind == CelTokenKind.Punctuation && tokens[next + 1].Text is "." or "[";

    private CelExpr ParseUnaryChain()
    {
        if (++recursion > MaxRecursion)
        {
            throw Error(Peek, $"Syntax error: exceeded max recursion depth of {MaxRecursion}");
        }
        try
        {
            return ParseUnary();
        }
        finally
        {
            recursion--;
        }
    }

    private CelExpr ParseMember()
    {
        var expr = ParsePrimary();
        while (true)
        {
            if (IsPunct("."))
            {
                Take();
                var name = TakeIdentifier();
                if (IsPunct("("))
                {
                    Take();
                    var args = ParseArguments(")");
                    expr = MemberCall(expr, name, args);
                }
                else
                {
                    expr = Node(new CelSelect(name.Position, expr, name.Text, false), expr);
                }
            }
            else if (IsPunct("["))
            {
                var at = Take().Position;
                var key = ParseExpr();
                Expect("]");
                expr = Node(new CelIndex(at, expr, key), expr, key);
            }
            else if (IsPunct("?.") || IsPunct("[?"))
            {
                throw Error(Peek, "unsupported syntax: optional field selection ('?.' and '[?') is not enabled");
            }
            else
            {
                return expr;
            }
        }
    }

    private CelToken TakeIdentifier()
    {
        if (Peek.Kind != CelTokenKind.Identifier || Reserved.Contains(Peek.Text))
        {
            throw Error(Peek, Peek.Kind == CelTokenKind.End
                ? "Syntax error: no viable alternative at input '<EOF>'"
                : $"Syntax error: no viable alternative at input '.{Peek.Text}'");
        }
        return Take();
    }

    private CelExpr MemberCall(CelExpr target, CelToken name, List<CelExpr> args)
    {
        if (ComprehensionMacros.Contains(name.Text) && args.Count is 2 or 3)
        {
            if (args[0] is not CelIdent variable)
            {
                throw Error(name, $"argument must be a simple name");
            }
            if (args.Count == 3 && name.Text != "map")
            {
                throw Error(name, $"found no matching overload for '{name.Text}' applied to 3 arguments");
            }
            var transform = args.Count == 3 ? args[2] : null;
            return Node(new CelComprehension(name.Position, name.Text, variable.Name, target, args[1], transform), target, args[1], transform);
        }
        var all = new List<CelExpr?>(args) { target };
        return Node(new CelCall(name.Position, target, name.Text, args), all.ToArray());
    }

    private List<CelExpr> ParseArguments(string close)
    {
        var args = new List<CelExpr>();
        while (!IsPunct(close))
        {
            args.Add(ParseExpr());
            if (!IsPunct(","))
            {
                break;
            }
            Take();
        }
        Expect(close);
        return args;
    }

    private CelExpr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case CelTokenKind.Int:
                Take();
                if ((ulong)token.Value! > long.MaxValue)
                {
                    throw Error(token, "Syntax error: invalid int literal");
                }
                return new CelLiteral(token.Position, (long)(ulong)token.Value!);
            case CelTokenKind.Uint or CelTokenKind.Double or CelTokenKind.String or CelTokenKind.Bytes:
                Take();
                return new CelLiteral(token.Position, token.Value);
            case CelTokenKind.Identifier:
                return ParseIdentifier();
            case CelTokenKind.Punctuation when token.Text == "(":
                Take();
                var inner = ParseExpr();
                Expect(")");
                return inner;
            case CelTokenKind.Punctuation when token.Text == "[":
                Take();
                var items = ParseArguments("]");
                return Node(new CelListLiteral(token.Position, items), items.ToArray());
            case CelTokenKind.Punctuation when token.Text == "{":
                return ParseMap();
            case CelTokenKind.Punctuation when token.Text == ".":
                Take();
                return ParseIdentifier();
            case CelTokenKind.End:
                throw Error(token, "Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}");
            default:
                throw Error(token, $"Syntax error: mismatched input '{token.Text}' expecting {{'[', '{{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}}");
        }
    }

    private CelExpr ParseIdentifier()
    {
        var token = Take();
        switch (token.Text)
        {
            case "true":
                return new CelLiteral(token.Position, true);
            case "false":
                return new CelLiteral(token.Position, false);
            case "null":
                return new CelLiteral(token.Position, null);
        }
        if (Reserved.Contains(token.Text))
        {
            throw Error(token, $"reserved identifier: {token.Text}");
        }
        if (!IsPunct("("))
        {
            if (IsPunct("{"))
            {
                throw Error(Peek, "unsupported syntax: message construction is not available in rules");
            }
            return new CelIdent(token.Position, token.Text);
        }
        Take();
        var args = ParseArguments(")");
        if (token.Text == "has")
        {
            if (args is not [CelSelect select])
            {
                throw Error(token, "invalid argument to has() macro");
            }
            return Node(select with { TestOnly = true }, select.Operand);
        }
        return Node(new CelCall(token.Position, null, token.Text, args), args.ToArray());
    }

    private CelExpr ParseMap()
    {
        var at = Take().Position;
        var entries = new List<(CelExpr Key, CelExpr Value)>();
        while (!IsPunct("}"))
        {
            var key = ParseExpr();
            Expect(":");
            var value = ParseExpr();
            entries.Add((key, value));
            if (!IsPunct(","))
            {
                break;
            }
            Take();
        }
        Expect("}");
        return Node(new CelMapLiteral(at, entries), entries.SelectMany(entry => new[] { entry.Key, entry.Value }).ToArray());
    }
}
