using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Resource;

/// <summary>A/B matches: at least one header or cookie, each valid, and a duration.</summary>
internal static class AbValidation
{
    public static IEnumerable<ValidationProblem> Problems(AbMatch ab, string path)
    {
        if (ab.Headers.Count == 0 && ab.Cookies.Count == 0)
        {
            yield return new(path, "needs at least one header or cookie that sends requests to the canary");
        }
        for (var i = 0; i < ab.Headers.Count; i++)
        {
            foreach (var problem in ab.Headers[i].Validate(FieldPath.Index(FieldPath.Child(path, "headers"), i)))
            {
                yield return problem;
            }
        }
        for (var i = 0; i < ab.Cookies.Count; i++)
        {
            if (!CookieNames.IsToken(ab.Cookies[i].Name))
            {
                yield return new(FieldPath.Child(FieldPath.Index(FieldPath.Child(path, "cookies"), i), "name"), $"'{ab.Cookies[i].Name}' is not a cookie name");
            }
        }
        foreach (var problem in DurationChecks.Duration(ab.Duration, FieldPath.Child(path, "duration")))
        {
            yield return problem;
        }
    }
}
