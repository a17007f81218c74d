using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Access;

/// <summary>Requests an intent allows: one of <see cref="Methods"/> (any when empty) on a path under one of <see cref="PathPrefixes"/> (any when empty).</summary>
public sealed record HttpAccessRule : IValidatable
{
    public ValueList<string> Methods { get; init; } = [];

    public ValueList<string> PathPrefixes { get; init; } = [];

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (Methods.Count == 0 && PathPrefixes.Count == 0)
        {
            yield return new(path, "an HTTP rule needs methods, pathPrefixes or both; leave http out to allow every request");
        }
        for (var i = 0; i < Methods.Count; i++)
        {
            foreach (var problem in HttpMethods.Method(Methods[i], FieldPath.Index(FieldPath.Child(path, "methods"), i)))
            {
                yield return problem;
            }
        }
        for (var i = 0; i < PathPrefixes.Count; i++)
        {
            var prefix = PathPrefixes[i];
            if (!prefix.StartsWith('/') || prefix.Contains('*') || prefix.Contains('?'))
            {
                yield return new(FieldPath.Index(FieldPath.Child(path, "pathPrefixes"), i), $"'{prefix}' must start with '/' and hold no '*' or '?'");
            }
        }
        if (Methods.Distinct().Count() != Methods.Count)
        {
            yield return new(FieldPath.Child(path, "methods"), "a method is listed twice");
        }
        if (PathPrefixes.Distinct().Count() != PathPrefixes.Count)
        {
            yield return new(FieldPath.Child(path, "pathPrefixes"), "a path prefix is listed twice");
        }
    }
}
