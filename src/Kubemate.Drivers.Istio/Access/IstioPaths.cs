namespace Kubemate.Drivers.Istio.Access;

/// <summary>
/// Path prefixes as Istio authorization paths, which match exactly or by a trailing <c>*</c>:
/// prefix <c>/api</c> is <c>/api</c> and <c>/api/*</c>; <c>/</c> is <c>/*</c>; <c>/files/</c> is <c>/files/*</c>.
/// </summary>
internal static class IstioPaths
{
    public static IEnumerable<string> ToPaths(string prefix)
    {
        if (prefix.EndsWith('/'))
        {
            yield return prefix + "*";
            yield break;
        }
        yield return prefix;
        yield return prefix + "/*";
    }

    /// <summary>Groups paths back into prefixes; null when a path is not one this driver writes.</summary>
    public static List<string>? ToPrefixes(IReadOnlyList<string> paths)
    {
        var prefixes = new List<string>();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            if (path.EndsWith("/*", StringComparison.Ordinal) && !path[..^1].Contains('*'))
            {
                prefixes.Add(path[..^1]);
            }
            else if (!path.Contains('*') && i + 1 < paths.Count && paths[i + 1] == path + "/*")
            {
                prefixes.Add(path);
                i++;
            }
            else
            {
                return null;
            }
        }
        return prefixes;
    }
}
