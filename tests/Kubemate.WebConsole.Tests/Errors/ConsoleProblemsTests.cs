using System.Net;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole.Errors;
using Kubemate.WebConsole.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kubemate.WebConsole.Tests.Errors;

public sealed class ConsoleProblemsTests
{
    private static readonly IStringLocalizer<ConsoleText> Text =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<ConsoleText>>();

    [Fact]
    public void A_denied_request_shows_kubernetes_reason_and_whom_to_ask()
    {
        var denied = new ClusterApiException(HttpStatusCode.Forbidden, "Forbidden", "namespaces \"payments\" is forbidden: User \"olivia\" cannot patch resource \"namespaces\"", []);

        var problem = ConsoleProblems.Describe(denied, Text, "sandbox");

        Assert.Equal("Kubernetes denied this action", problem.Title);
        Assert.Contains("cannot patch resource", problem.Detail);
        Assert.Contains("cluster administrator", problem.Hint);
    }

    [Fact]
    public void A_conflict_tells_the_user_to_reload()
    {
        var problem = ConsoleProblems.Describe(new ClusterApiException(HttpStatusCode.Conflict, "Conflict", "the object has been modified", []), Text, "sandbox");

        Assert.Contains("Reload", problem.Hint);
    }

    [Fact]
    public void An_unreachable_cluster_is_named_with_what_to_check()
    {
        var error = new HttpRequestException("Connection refused (127.0.0.1:1)", new System.Net.Sockets.SocketException(111));

        var problem = ConsoleProblems.Describe(new InvalidOperationException("list failed", error), Text, "endpoint https://127.0.0.1:1/");

        Assert.Equal("The cluster cannot be reached", problem.Title);
        Assert.Contains("endpoint https://127.0.0.1:1/", problem.Hint);
    }
}
