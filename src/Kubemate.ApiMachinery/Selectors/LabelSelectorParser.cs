using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Selectors;

/// <summary>
/// Parses the query-string label selector syntax: comma-separated requirements, each <c>[!]key</c>,
/// <c>key (=|==|!=|&gt;|&lt;) value</c> or <c>key (in|notin) (v1,v2)</c>. Error messages follow apimachinery's parser.
/// </summary>
internal sealed class LabelSelectorParser
{
    private readonly List<LabelToken> _tokens;
    private int _position;

    private LabelSelectorParser(string text)
    {
        _tokens = LabelSelectorLexer.Tokenize(text);
    }

    public static List<LabelRequirement> Parse(string text) => new LabelSelectorParser(text).ParseSelector();

    private List<LabelRequirement> ParseSelector()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var token = PeekValue();
            switch (token.Kind)
            {
                case LabelTokenKind.EndOfString:
                    return requirements;
                case LabelTokenKind.Identifier or LabelTokenKind.Bang:
                    requirements.Add(ParseRequirement());
                    var separator = NextValue();
                    if (separator.Kind == LabelTokenKind.EndOfString)
                    {
                        return requirements;
                    }
                    if (separator.Kind != LabelTokenKind.Comma)
                    {
                        throw Error($"found '{separator.Display}', expected: ',' or 'end of string'");
                    }
                    var following = PeekValue();
                    if (following.Kind is not (LabelTokenKind.Identifier or LabelTokenKind.Bang))
                    {
                        throw Error($"found '{following.Display}', expected: identifier after ','");
                    }
                    break;
                default:
                    throw Error($"found '{token.Display}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var negated = PeekValue().Kind == LabelTokenKind.Bang;
        if (negated)
        {
            NextValue();
        }
        var key = NextValue();
        if (key.Kind != LabelTokenKind.Identifier)
        {
            throw RequirementError($"found '{key.Display}', expected: identifier");
        }
        CheckKey(key.Text);

        var after = PeekValue().Kind;
        if (negated || after is LabelTokenKind.EndOfString or LabelTokenKind.Comma)
        {
            // "!key" takes no operator; anything that follows it is reported by the caller as a bad separator.
            return new LabelRequirement(key.Text, negated ? SelectorOperator.DoesNotExist : SelectorOperator.Exists, []);
        }

        var operatorToken = _tokens[_position++];
        var op = operatorToken.Kind switch
        {
            LabelTokenKind.In => SelectorOperator.In,
            LabelTokenKind.NotIn => SelectorOperator.NotIn,
            LabelTokenKind.Equals => SelectorOperator.Equals,
            LabelTokenKind.DoubleEquals => SelectorOperator.DoubleEquals,
            LabelTokenKind.NotEquals => SelectorOperator.NotEquals,
            LabelTokenKind.GreaterThan => SelectorOperator.GreaterThan,
            LabelTokenKind.LessThan => SelectorOperator.LessThan,
            _ => throw RequirementError($"found '{operatorToken.Display}', expected: in, notin, =, ==, !=, gt, lt"),
        };

        var values = op is SelectorOperator.In or SelectorOperator.NotIn ? ParseValueSet() : [ParseExactValue()];
        var violations = LabelSelector.CheckRequirement(key.Text, op, values, "");
        if (violations.Count > 0)
        {
            throw RequirementError(ValidationMessages.Aggregate(violations));
        }
        return new LabelRequirement(key.Text, op, values);
    }

    /// <summary><c>( v1, v2 )</c>; empty entries mean the empty value, duplicates collapse, and the result is sorted.</summary>
    private List<string> ParseValueSet()
    {
        var open = NextValue();
        if (open.Kind != LabelTokenKind.OpenParenthesis)
        {
            throw RequirementError($"found '{open.Display}', expected: '('");
        }
        var values = new SortedSet<string>(StringComparer.Ordinal);
        var expectValue = true;
        while (true)
        {
            var token = NextValue();
            switch (token.Kind)
            {
                case LabelTokenKind.Identifier when expectValue:
                    values.Add(token.Text);
                    expectValue = false;
                    break;
                case LabelTokenKind.Comma:
                    if (expectValue)
                    {
                        values.Add("");
                    }
                    expectValue = true;
                    break;
                case LabelTokenKind.CloseParenthesis:
                    if (expectValue)
                    {
                        values.Add("");
                    }
                    return [.. values];
                default:
                    throw RequirementError(expectValue
                        ? $"found '{token.Display}', expected: ',', ')' or identifier"
                        : $"found '{token.Display}', expected: ',' or ')'");
            }
        }
    }

    /// <summary>The value after <c>=</c>, <c>!=</c>…; a missing value (<c>tier=</c>) is the empty string.</summary>
    private string ParseExactValue()
    {
        if (PeekValue().Kind is LabelTokenKind.EndOfString or LabelTokenKind.Comma)
        {
            return "";
        }
        var token = NextValue();
        return token.Kind == LabelTokenKind.Identifier
            ? token.Text
            : throw RequirementError($"found '{token.Display}', expected: identifier");
    }

    private static void CheckKey(string key)
    {
        var messages = NameFormats.IsQualifiedName(key);
        if (messages.Count > 0)
        {
            throw RequirementError(FieldViolation.Invalid("key", key, string.Join("; ", messages)).Message);
        }
    }

    /// <summary>The next token where a value may appear: the keywords <c>in</c>/<c>notin</c> count as identifiers.</summary>
    private LabelToken PeekValue() => AsValue(_tokens[_position]);

    private LabelToken NextValue() => AsValue(_tokens[_position++]);

    private static LabelToken AsValue(LabelToken token) =>
        token.Kind is LabelTokenKind.In or LabelTokenKind.NotIn ? token with { Kind = LabelTokenKind.Identifier } : token;

    private static SelectorFormatException RequirementError(string message) => new("unable to parse requirement: " + message);

    private static SelectorFormatException Error(string message) => new(message);
}
