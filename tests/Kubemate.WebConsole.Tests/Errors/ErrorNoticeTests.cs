using System.Net;
using Bunit;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests.Errors;

public sealed class ErrorNoticeTests : ConsoleTestContext
{
    private static readonly Uri Unreachable = new("https://127.0.0.1:1/");

    public ErrorNoticeTests()
    {
        Bunit.Services.AddOfflineSession(Unreachable);
    }

    [Fact]
    public void An_unreachable_cluster_is_shown_in_place_with_what_to_do_and_a_retry()
    {
        var retried = false;
        var error = new HttpRequestException("Connection refused (127.0.0.1:1)");

        var notice = Render<ErrorNotice>(p => p.Add(n => n.Error, error).Add(n => n.OnRetry, () => retried = true));

        var text = notice.Find("[data-testid=error-notice]").TextContent;
        Assert.Contains("The cluster cannot be reached", text);
        Assert.Contains($"endpoint {Unreachable}", text);
        Assert.DoesNotContain("   at ", text);
        notice.Find("[data-testid=retry]").Click();
        Assert.True(retried);
    }

    [Fact]
    public void A_conflict_is_shown_with_kubernetes_message()
    {
        var conflict = new ClusterApiException(HttpStatusCode.Conflict, "Conflict", "Operation cannot be fulfilled on namespaces \"users\": the object has been modified", []);

        var notice = Render<ErrorNotice>(p => p.Add(n => n.Error, conflict));

        Assert.Contains("the object has been modified", notice.Find(".km-server-message").TextContent);
        Assert.Empty(notice.FindAll("[data-testid=retry]"));
    }
}
