using Kubemate.Host.Identity;

namespace Kubemate.Host.Tests.Identity;

public sealed class StaticTokenFileTests
{
    [Fact]
    public void Lines_in_kubernetes_format_become_users_with_their_groups()
    {
        var users = StaticTokenFile.Parse("""
            # platform team
            t0k3n-a,alice@bank.example,1001,"platform-admins,auditors"

            t0k3n-b,bob@bank.example,1002
            t0k3n-c,carol@bank.example,1003,team-orders
            """);
        Assert.Equal(3, users.Count);
        Assert.Equal(new DirectoryUser("alice@bank.example", ["platform-admins", "auditors"], "t0k3n-a"), users[0] with { Groups = users[0].Groups.ToArray() },
            new DirectoryUserComparer());
        Assert.Empty(users[1].Groups);
        Assert.Equal(["team-orders"], users[2].Groups);

        var directory = new UserDirectory(users, "token-file");
        Assert.Equal("carol@bank.example", directory.FindByToken("t0k3n-c")!.Name);
        Assert.Null(directory.FindByToken("t0k3n-"));
        Assert.Null(directory.FindByPassword("alice@bank.example", "t0k3n-a"));
    }

    [Theory]
    [InlineData("only-a-token", "tokens.csv:1: expected token,user,uid")]
    [InlineData("t,,1", "tokens.csv:1: user is empty")]
    [InlineData("t,u,1,\"a,b", "tokens.csv:1: unterminated quote")]
    [InlineData("t,u,1\nt,v,2", "tokens.csv: the token of user u is used by 2 lines")]
    public void Malformed_lines_are_refused_naming_the_line(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => StaticTokenFile.Parse(text, "tokens.csv"));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private sealed class DirectoryUserComparer : IEqualityComparer<DirectoryUser>
    {
        public bool Equals(DirectoryUser? x, DirectoryUser? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Token == y.Token && x.Password == y.Password && x.Groups.SequenceEqual(y.Groups);

        public int GetHashCode(DirectoryUser obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
