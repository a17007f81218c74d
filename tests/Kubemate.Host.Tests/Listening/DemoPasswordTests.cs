using Kubemate.Host.Identity;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Listening;

/// <summary>The sandbox's demo passwords sign users in only while the host listens on loopback; tokens always do.</summary>
[Collection(HostCollection.Name)]
public sealed class DemoPasswordTests(HostFixture host)
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    public void Demo_passwords_work_on_loopback_only_and_tokens_everywhere(string listenAddress, bool passwords)
    {
        var directory = UserDirectory.For(host.Options(host.FreshAuditStore()) with { ListenAddress = listenAddress, InsecureListen = true });

        Assert.Equal(passwords, directory.FindByPassword("alice", "alice-demo") is not null);
        Assert.Equal("alice", directory.FindByToken(host.TokenOf("alice"))?.Name);
    }
}
