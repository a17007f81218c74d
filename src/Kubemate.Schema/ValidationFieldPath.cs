namespace Kubemate.Schema;

/// <summary>A rule's <c>fieldPath</c>: a relative path like <c>.spec.replicas</c> or <c>.labels['app.kubernetes.io/name']</c>.</summary>
internal static class ValidationFieldPath
{
    public static bool TryParse(string text, out IReadOnlyList<(string Name, bool IsKey)> segments)
    {
        var result = new List<(string, bool)>();
        segments = result;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] is not ('.' or '['))
                {
                    i++;
                }
                if (i == start)
                {
                    return false;
                }
                result.Add((text[start..i], false));
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }
                result.Add((text[(i + 2)..end], true));
                i = end + 2;
            }
            else
            {
                return false;
            }
        }
        return result.Count > 0;
    }

    public static FieldPath Append(FieldPath path, string fieldPath)
    {
        if (!TryParse(fieldPath, out var segments))
        {
            return path;
        }
        foreach (var (name, isKey) in segments)
        {
            path = isKey ? path.Key(name) : path.Child(name);
        }
        return path;
    }
}
