using Kubemate.Host.Telemetry;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Options;

/// <summary>Checks the telemetry options when the host starts; a bad option names itself.</summary>
internal sealed class TelemetryHostOptionsValidator : IValidateOptions<TelemetryHostOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryHostOptions options)
    {
        var failures = new List<string>();
        if (options.PrometheusUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"telemetry.prometheusUrl: \"{url}\" must be an absolute http or https URL");
        }
        if (options.PrometheusTimeout <= TimeSpan.Zero)
        {
            failures.Add($"telemetry.prometheusTimeout: {options.PrometheusTimeout} must be positive");
        }
        if (options.Backend is null && options.PrometheusUrl is null && options.Cluster is null)
        {
            failures.Add("telemetry: set prometheusUrl, or a cluster for the embedded store to scrape");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
