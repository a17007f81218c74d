using System.Globalization;
using System.Text;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Exposition;

/// <summary>
/// A strict parser of the Prometheus text exposition format (version 0.0.4): HELP/TYPE comments, free comments,
/// samples with escaped label values, optional timestamps. Anything else is an <see cref="ExpositionFormatException"/>.
/// </summary>
public static class PrometheusTextParser
{
    private static readonly HashSet<string> KnownTypes = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static Exposition Parse(string text)
    {
        var samples = new List<ExpositionSample>();
        var types = new Dictionary<string, string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (line[0] == '#')
            {
                ReadComment(line, lineNumber, types);
                continue;
            }
            samples.Add(ReadSample(line, lineNumber));
        }
        return new Exposition(samples, types);
    }

    private static void ReadComment(string line, int lineNumber, Dictionary<string, string> types)
    {
        var parts = line[1..].TrimStart().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0] is not ("HELP" or "TYPE"))
        {
            return;
        }
        if (parts.Length < 2 || !IsMetricName(parts[1]))
        {
            throw new ExpositionFormatException(lineNumber, $"# {parts[0]} needs a valid metric name");
        }
        if (parts[0] == "TYPE")
        {
            var type = parts.Length == 3 ? parts[2].Trim() : "";
            if (!KnownTypes.Contains(type))
            {
                throw new ExpositionFormatException(lineNumber, $"unknown metric type \"{type}\" for {parts[1]}");
            }
            if (!types.TryAdd(parts[1], type))
            {
                throw new ExpositionFormatException(lineNumber, $"second # TYPE line for {parts[1]}");
            }
        }
    }

    private static ExpositionSample ReadSample(string line, int lineNumber)
    {
        var position = 0;
        while (position < line.Length && IsNameChar(line[position], position == 0))
        {
            position++;
        }
        var name = line[..position];
        if (name.Length == 0)
        {
            throw new ExpositionFormatException(lineNumber, "a sample must start with a metric name");
        }
        var labels = new List<KeyValuePair<string, string>>();
        if (position < line.Length && line[position] == '{')
        {
            position = ReadLabels(line, position + 1, lineNumber, labels);
        }
        var rest = line[position..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (position < line.Length && line[position] is not (' ' or '\t'))
        {
            throw new ExpositionFormatException(lineNumber, $"unexpected '{line[position]}' after {name}");
        }
        if (rest.Length is 0 or > 2)
        {
            throw new ExpositionFormatException(lineNumber, $"{name}: expected a value and an optional timestamp");
        }
        var value = ParseValue(rest[0]) ?? throw new ExpositionFormatException(lineNumber, $"{name}: \"{rest[0]}\" is not a number");
        long? timestamp = null;
        if (rest.Length == 2)
        {
            timestamp = long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                ? ms
                : throw new ExpositionFormatException(lineNumber, $"{name}: timestamp \"{rest[1]}\" is not an integer");
        }
        return new ExpositionSample(name, LabelSet.From(labels), value, timestamp);
    }

    private static int ReadLabels(string line, int position, int lineNumber, List<KeyValuePair<string, string>> labels)
    {
        var seen = new HashSet<string>();
        while (true)
        {
            while (position < line.Length && line[position] == ' ')
            {
                position++;
            }
            if (position < line.Length && line[position] == '}')
            {
                return position + 1;
            }
            var start = position;
            while (position < line.Length && IsLabelChar(line[position], position == start))
            {
                position++;
            }
            var labelName = line[start..position];
            if (labelName.Length == 0)
            {
                throw new ExpositionFormatException(lineNumber, $"expected a label name at column {position + 1}");
            }
            if (position >= line.Length || line[position] != '=' || position + 1 >= line.Length || line[position + 1] != '"')
            {
                throw new ExpositionFormatException(lineNumber, $"label {labelName}: expected =\"value\"");
            }
            position += 2;
            var value = new StringBuilder();
            while (true)
            {
                if (position >= line.Length)
                {
                    throw new ExpositionFormatException(lineNumber, $"label {labelName}: unterminated value");
                }
                var c = line[position++];
                if (c == '"')
                {
                    break;
                }
                if (c == '\\')
                {
                    if (position >= line.Length)
                    {
                        throw new ExpositionFormatException(lineNumber, $"label {labelName}: dangling escape");
                    }
                    value.Append(line[position++] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        var other => throw new ExpositionFormatException(lineNumber, $"label {labelName}: unknown escape \\{other}"),
                    });
                    continue;
                }
                value.Append(c);
            }
            if (!seen.Add(labelName))
            {
                throw new ExpositionFormatException(lineNumber, $"label {labelName} appears twice");
            }
            labels.Add(KeyValuePair.Create(labelName, value.ToString()));
            if (position < line.Length && line[position] == ',')
            {
                position++;
                continue;
            }
            if (position < line.Length && line[position] == '}')
            {
                return position + 1;
            }
            throw new ExpositionFormatException(lineNumber, $"after label {labelName}: expected ',' or '}}'");
        }
    }

    private static double? ParseValue(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static bool IsMetricName(string name) => name.Length > 0 && name.Select((c, i) => IsNameChar(c, i == 0)).All(ok => ok);

    private static bool IsNameChar(char c, bool first) => char.IsAsciiLetter(c) || c is '_' or ':' || (!first && char.IsAsciiDigit(c));

    private static bool IsLabelChar(char c, bool first) => char.IsAsciiLetter(c) || c == '_' || (!first && char.IsAsciiDigit(c));
}
