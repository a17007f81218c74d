namespace Kubemate.WebConsole.Localization;

/// <summary>Keeps redirect targets on this site: anything that is not a plain local path becomes <c>/</c>.</summary>
public static class LocalRedirects
{
    public static string Sanitize(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri[0] != '/')
        {
            return "/";
        }
        // "//host" and "/\host" are protocol-relative URLs to another site.
        if (uri.Length > 1 && (uri[1] == '/' || uri[1] == '\\'))
        {
            return "/";
        }
        return uri.Any(char.IsControl) ? "/" : uri;
    }
}
